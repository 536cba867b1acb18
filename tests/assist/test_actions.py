"""Request building for every action: stable prefix first, right task, right language.

No model here: these check the requests themselves. test_actions_model.py runs
them through real llama.cpp.
"""

from __future__ import annotations

import os

import pytest

from composer.assist.actions import (
    SYSTEM_PROMPT,
    Action,
    EmailContext,
    InputTooLong,
    InputUsage,
    RequestError,
    build_request,
    default_max_tokens,
    draft_request,
    prepare_suggestion,
    target_for,
)
from composer.assist.target import Target

BODY = (
    "Hi Anna,\n\nthank you for the meeting on friday. I think we should talk about "
    "the budget again next week, because teh numbers are not final.\n\nBest,\nTom"
)
SELECTION = (
    "I think we should talk about the budget again next week, because teh numbers are not final."
)
REPLY_BODY = (
    "Thanks Anna, Tuesday works.\n\n"
    "On Mon, 3 Mar 2025, Anna Smith <anna@example.org> wrote:\n"
    "> Can we meet on Tuesday? And can you bring the report?\n"
)
CTX = EmailContext(body=BODY, subject="Budget", recipients="anna@example.org")


def _user(request):
    system, user = request.messages
    assert (system.role, system.content) == ("system", SYSTEM_PROMPT)
    assert user.role == "user"
    return user.content


def _request(action, text=BODY, **kw):
    kw.setdefault("context", CTX)
    if action is Action.CUSTOM:
        kw.setdefault("instruction", "use bullet points")
    if action is Action.DRAFT:
        kw.setdefault("instruction", "thank Anna")
    if action is Action.REPLY:
        kw["context"] = EmailContext(body=REPLY_BODY)
        text = ""
    return build_request(action, text, **kw)


@pytest.mark.parametrize("action", list(Action))
def test_every_action_puts_the_email_first_and_the_task_last(action):
    user = _user(_request(action))
    body = REPLY_BODY if action is Action.REPLY else BODY
    block = "The email so far:\n<<<\n" + body.strip("\n") + "\n>>>"
    assert block in user
    _, tail = user.split(block)
    assert "Subject" not in tail and "To:" not in tail  # stable fields sit before the body
    # The task and the language sentence come after the email.
    assert "Write the result in" in tail


@pytest.mark.parametrize(
    "action, words",
    [
        (Action.PROOFREAD, "Correct the spelling, grammar, punctuation and capitalisation"),
        (Action.SHORTEN, "Make the whole email shorter"),
        (Action.EXPAND, "Make the whole email longer"),
        (Action.FORMAL, "more formal, professional tone"),
        (Action.FRIENDLY, "warmer, friendlier tone"),
        (Action.CUSTOM, "Change the whole email as follows: use bullet points"),
        (Action.DRAFT, "Write the email. What it should say: thank Anna"),
        (Action.REPLY, "Write my reply to Anna Smith."),
    ],
)
def test_each_action_asks_for_its_own_task(action, words):
    assert words in _user(_request(action))


def test_actions_on_the_same_email_share_everything_up_to_the_task():
    users = [_user(_request(a)) for a in (Action.PROOFREAD, Action.SHORTEN, Action.FORMAL)]
    common = os.path.commonprefix(users)
    assert common.endswith(">>>\n\n") and BODY.strip() in common


def test_selection_is_named_after_the_whole_email():
    user = _user(_request(Action.SHORTEN, SELECTION))
    assert user.index("The email so far") < user.index(
        "The part to work on:\n<<<\n" + SELECTION + "\n>>>"
    )
    assert "Make that part only shorter" in user
    # Same email, other selection: the prefix up to the part is shared.
    other = _user(_request(Action.FORMAL, "Hi Anna,"))
    assert os.path.commonprefix([user, other]).endswith(">>>\n\nThe part to work on:\n<<<\n")


def test_reply_describes_the_conversation_and_questions():
    user = _user(_request(Action.REPLY, instruction="keep it short"))
    assert "Message from Anna Smith (the message being answered), Mon, 3 Mar 2025:" in user
    assert (
        "Questions to answer:\n- Can we meet on Tuesday?\n- And can you bring the report?" in user
    )
    assert "My notes for the reply:\nThanks Anna, Tuesday works." in user
    assert user.rstrip().endswith(
        "Write the result in English, the language of the message being answered."
    )
    assert "Also: keep it short" in user


def test_reply_without_a_quote_says_what_to_do():
    with pytest.raises(RequestError, match="no quoted message"):
        build_request(Action.REPLY, context=EmailContext(body="Just my text."))


@pytest.mark.parametrize(
    "action, kw, message",
    [
        (Action.DRAFT, {}, "Type what the email should say"),
        (Action.PROOFREAD, {}, "no text to work on"),
        (Action.CUSTOM, {"instruction": "  "}, "Type what the assistant should do"),
    ],
)
def test_missing_input_gives_a_sentence(action, kw, message):
    text = "Some text." if action is Action.CUSTOM else "  "
    with pytest.raises(RequestError, match=message):
        build_request(action, text, **kw)


def test_output_language_choice_reaches_the_prompt():
    french_body = (
        "Bonjour Anna,\n\nmerci pour la réunion de vendredi. Nous devons parler du budget."
    )
    context = EmailContext(body=french_body)
    kept = _user(build_request(Action.FORMAL, french_body, context=context))
    assert "Write the result in French, the language of the text." in kept
    chosen = _user(build_request(Action.FORMAL, french_body, context=context, language="en"))
    assert "Write the result in English." in chosen
    draft = _user(
        build_request(Action.DRAFT, instruction="remercier Anna pour la réunion de vendredi")
    )
    assert "Write the result in French" in draft


def test_draft_request_keeps_its_signature():
    request = draft_request(
        "thank Anna",
        subject="Friday",
        recipients="anna@example.org",
        max_tokens=64,
        temperature=0.2,
    )
    user = _user(request)
    assert "To: anna@example.org\nSubject: Friday\nThe email is empty so far." in user
    assert (request.max_tokens, request.temperature) == (64, 0.2)
    with pytest.raises(ValueError):
        draft_request("   ")


def test_answer_room_follows_the_action():
    text = "word " * 350  # about 500 tokens
    assert default_max_tokens(Action.SHORTEN, text) < default_max_tokens(Action.FORMAL, text)
    assert default_max_tokens(Action.FORMAL, text) < default_max_tokens(Action.EXPAND, text)
    assert default_max_tokens(Action.DRAFT, "") == 512
    assert 64 <= default_max_tokens(Action.PROOFREAD, "ok") < 80
    assert _request(Action.PROOFREAD).temperature < _request(Action.DRAFT).temperature


def test_target_for_reply_is_the_users_own_text_only():
    target = target_for(Action.REPLY, REPLY_BODY)
    assert target.original == "Thanks Anna, Tuesday works."
    new_body = target.apply(REPLY_BODY, "Hi Anna, Tuesday is fine and I will bring it.")
    assert new_body.endswith(REPLY_BODY[len("Thanks Anna, Tuesday works.") :])  # quote untouched
    assert target_for(Action.SHORTEN, BODY, 5, 5).whole_body
    assert target_for(Action.SHORTEN, BODY, 0, 8).original == "Hi Anna,"


def test_prepare_suggestion_cleans_the_model_wrapping():
    target = Target.selection(BODY, 0, 9)  # "Hi Anna,\n"
    assert prepare_suggestion(target, '\n"Dear Anna,"\n') == "Dear Anna,\n"
    assert prepare_suggestion(target, "```text\nDear Anna,\n```") == "Dear Anna,\n"
    # A reply inserted above a quote keeps a blank line before it.
    top = target_for(Action.REPLY, "On Tue, Anna wrote:\n> Hi?")
    assert prepare_suggestion(top, "Hello Anna!") == "Hello Anna!\n\n"
    # Quotes inside the answer are left alone.
    assert prepare_suggestion(target, '"Yes" she said "no"') == '"Yes" she said "no"\n'


def test_input_usage_messages():
    assert InputUsage(100, 2048, 512).fits and InputUsage(100, 2048, 512).user_text is None
    over = InputUsage(5000, 2048, 512, largest_fit=16384, trained=32768)
    assert not over.fits
    # The numbers, and the way out that exists: more context fits in memory.
    assert "at least 5,512 tokens" in over.message and "window here is 2,048" in over.message
    assert "Settings > Assistant (up to 16,384 tokens" in over.message
    assert "Select a part of the email" in over.message
    tight = InputUsage(1900, 2048, 512)  # the answer has no room left
    assert not tight.fits and "at least 2,412 tokens" in tight.message
    error = InputTooLong(over)
    assert str(error) == over.message and error.message == over.user_text


def test_too_long_names_only_a_way_out_that_exists():
    from composer.assist.actions import too_long_message

    # Memory is the limit: no setting to raise, no "longer model" promise.
    memory = str(too_long_message(9000, 4096, largest_fit=4096, trained=32768))
    assert "memory holds for this model" in memory and "Settings" not in memory
    assert "File > Models" not in memory
    # The model's own limit: a model with a longer context helps.
    model = str(too_long_message(9000, 8192, largest_fit=65536, trained=8192))
    assert "File > Models" in model and "Settings" not in model
    # More fits, but not enough for this email: raising would not help.
    short = str(too_long_message(90000, 4096, largest_fit=16384, trained=32768))
    assert "Settings" not in short


def test_a_selection_of_a_long_email_sends_only_the_text_around_it():
    from composer.assist.actions import CONTEXT_CHARS, ELLIPSIS, email_excerpt

    lines = [f"Line {i}: the numbers for region {i} are attached." for i in range(8000)]
    body = "\n".join(lines)
    part = lines[4000]
    start = body.index(part)
    request = build_request(
        Action.PROOFREAD,
        part,
        context=EmailContext(body=body, focus=(start, start + len(part))),
    )
    user = request.messages[-1].content
    assert part in user and lines[3990] in user and lines[4010] in user
    assert lines[0] not in user and lines[-1] not in user
    assert user.count(ELLIPSIS) == 2  # both cuts are marked
    assert len(user) < CONTEXT_CHARS + 1500
    excerpt = email_excerpt(body, start, start + len(part))
    assert excerpt.startswith(ELLIPSIS + "\nLine ")  # cut on a line break, not mid-line
    # A short email is sent whole, so the prompt prefix stays the same across actions.
    assert email_excerpt("Hi Tom,\nshort.", 0, 3) == "Hi Tom,\nshort."


def test_a_request_that_cannot_fit_is_known_without_the_tokenizer():
    from composer.assist.actions import surely_too_long
    from composer.engine.base import ModelInfo

    info = ModelInfo("m.gguf", "m", "gemma3", 4096, 32768, "model", "CPU")
    huge = build_request(Action.PROOFREAD, "word " * 60_000)
    message = surely_too_long(huge, info)
    # 300,000 characters of text (and the prompt) / 6, and the room for the answer.
    assert message is not None and "at least 54,201 tokens" in str(message)
    assert "if this computer's memory allows" in str(message)  # no plan: memory not judged
    small = build_request(Action.PROOFREAD, "Thanks for Friday, see you Tuesday.")
    assert surely_too_long(small, info) is None
