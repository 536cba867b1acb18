"""Prompt lookup's guesses and the policy that sizes them (composer.engine.lookup), no model."""

from __future__ import annotations

from composer.engine.lookup import MAX_DRAFT, DraftPolicy, PromptLookup, StepCosts


def test_the_tokens_after_the_longest_earlier_match_are_the_guess():
    lookup = PromptLookup([1, 2, 3, 4, 5, 9, 3, 4, 7, 8])
    lookup.extend([2, 3, 4])  # ends with 2 3 4: matched at the start, followed by 5 9
    draft = lookup.draft(2)
    assert draft is not None
    assert draft.tokens == [5, 9]
    assert draft.ngram == 3
    assert draft.at == 4


def test_a_shorter_match_is_the_latest_occurrence():
    lookup = PromptLookup([3, 4, 5, 0, 3, 4, 7, 0])
    lookup.extend([4])  # "0 4" never occurred: the latest 4 was followed by 7
    draft = lookup.draft(8)
    assert draft is not None and draft.tokens[0] == 7 and draft.ngram == 1


def test_the_run_being_looked_up_never_finds_itself():
    lookup = PromptLookup([5, 6, 7])
    assert lookup.draft(4) is None  # 7 occurs once, at the end: nothing follows it
    lookup.extend([5])
    draft = lookup.draft(4)
    assert draft is not None and draft.tokens == [6, 7, 5]  # stops at the history's end


def test_no_match_and_no_room_give_no_guess():
    lookup = PromptLookup([1, 2, 3])
    lookup.extend([42])
    assert lookup.draft(5) is None
    lookup.extend([1])
    assert lookup.draft(0) is None


def test_a_copied_passage_is_followed_in_order():
    """Copying a passage, the guess goes on from where the answer is in it, even
    where its last tokens also occur later elsewhere."""
    email = [10, 11, 12, 13, 14, 15, 16, 17]
    elsewhere = [12, 13, 99, 98]
    lookup = PromptLookup([*email, 0, *elsewhere, 0])
    lookup.extend([10, 11])
    first = lookup.draft(2)
    assert first is not None and first.tokens == [12, 13]
    lookup.extend([12, 13])  # the model kept them
    second = lookup.draft(3)
    assert second is not None and second.tokens == [14, 15, 16]
    assert second.ngram == 4  # a long run of agreement: the surest kind


def test_after_an_edit_the_guess_is_found_again():
    email = [10, 11, 12, 13, 14, 15, 16, 17]
    lookup = PromptLookup(email)
    lookup.extend([10, 11])
    assert lookup.draft(4) is not None
    lookup.extend([50])  # the answer changed a word: the passage is left
    assert lookup.draft(4) is None
    lookup.extend([13])  # and took it up again after the change
    draft = lookup.draft(3)
    assert draft is not None and draft.tokens == [14, 15, 16]


def _costs(one: float | None, extra: float | None) -> StepCosts:
    costs = StepCosts()
    costs.one_token_s, costs.extra_token_s = one, extra
    return costs


def test_nothing_is_guessed_before_a_step_was_timed():
    assert DraftPolicy(StepCosts()).length(4, 16) == 0


def test_where_a_batch_costs_little_and_guesses_hold_the_whole_guess_is_checked():
    policy = DraftPolicy(_costs(0.004, 0.0001))  # a GPU: extra tokens nearly free
    for _ in range(6):
        policy.judged(4, 16, 16)
    assert policy.length(4, 16) == MAX_DRAFT
    assert policy.length(4, 3) == 3  # never more than the guess has


def test_where_a_batch_costs_as_much_as_its_tokens_nothing_is_guessed():
    policy = DraftPolicy(_costs(0.015, 0.015))  # extra tokens cost a whole step each
    for _ in range(6):
        policy.judged(4, 16, 16)
    assert policy.length(4, 16) == 0


def test_wrong_guesses_shorten_the_guess_until_none_pays():
    policy = DraftPolicy(_costs(0.010, 0.002))
    for _ in range(6):
        policy.judged(2, 8, 8)
    long = policy.length(2, 16)
    for _ in range(4):
        policy.judged(2, 8, 0)
    shorter = policy.length(2, 16)
    for _ in range(30):
        policy.judged(2, 8, 0)
    assert 0 == policy.length(2, 16) < shorter < long
    assert policy.acceptance(2) < 0.2


def test_a_kind_of_guess_left_out_is_tried_again_later():
    policy = DraftPolicy(_costs(0.010, 0.002))
    for _ in range(10):
        policy.judged(1, 8, 0)
    assert policy.length(1, 16) == 0
    for _ in range(400):  # a long answer: the record of those failures fades
        policy.length(1, 16)
    assert policy.length(1, 16) > 0


def test_step_times_are_smoothed_and_an_extra_token_is_what_a_batch_adds():
    costs = StepCosts()
    costs.timed(5, 0.050)  # no one-token time yet: nothing to compare with
    assert costs.extra_token_s is None
    costs.timed(1, 0.010)
    costs.timed(5, 0.030)
    assert costs.one_token_s == 0.010
    assert abs(costs.extra_token_s - 0.005) < 1e-9
    costs.timed(1, 0.020)
    assert 0.010 < costs.one_token_s < 0.020
