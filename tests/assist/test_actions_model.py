"""The action requests through real llama.cpp and the real starter model.

The starter is a 270M base model: its wording is not checked, only the
plumbing: what the model reads, token counts from llama.cpp, cache reuse.
"""

from __future__ import annotations

import threading

import pytest

from composer.assist.actions import (
    SYSTEM_PROMPT,
    Action,
    EmailContext,
    InputTooLong,
    build_request,
    check_fits,
    email_block,
    measure_usage,
)
from composer.engine.base import ChatMessage, GenerationRequest

pytestmark = pytest.mark.slow

EMAIL = (
    "Hi Anna,\n\n"
    "thank you for the meeting on friday. Here is where we stand on the budget for next year. "
    "The marketing team asks for 20% more than last year because of the two trade fairs in spring. "
    "Engineering wants to hire three people, which teh finance team has not approved yet. "
    "Travel costs went down by half since we moved most customer visits to video calls. "
    "I think we should talk about the numbers again next week, because they are not final, "
    "and I would like to hear your view on the hiring plan before we send it to the board.\n\n"
    "Best,\nTom"
)
OTHER_EMAIL = (
    "Hello team,\n\nthe office is closed on Monday for the public holiday.\n\nRegards,\nLisa"
)


def run(engine, request):
    text = "".join(engine.stream(request, threading.Event()))
    return text, engine.last_stats


def test_second_action_on_the_same_email_reuses_the_cached_prefix(engine):
    context = EmailContext(body=EMAIL, subject="Budget")
    # Another email first, so the cache holds only what all requests share.
    run(engine, build_request(Action.SHORTEN, OTHER_EMAIL, max_tokens=2))

    _, first = run(engine, build_request(Action.PROOFREAD, EMAIL, context=context, max_tokens=4))
    # The stable part alone, as the model reads it: system prompt + email.
    prefix = engine.measure_input_usage(
        GenerationRequest(
            (ChatMessage("system", SYSTEM_PROMPT), ChatMessage("user", email_block(context)))
        )
    )
    # The new email had to be read: at most what precedes it (system prompt and
    # the fixed layout) came from the cache.
    before_email = engine.measure_input_usage(
        GenerationRequest((ChatMessage("system", SYSTEM_PROMPT), ChatMessage("user", "")))
    )
    assert first.reused_tokens <= before_email
    assert first.evaluated_tokens > (prefix - before_email) / 2
    assert first.evaluated_tokens == first.prompt_tokens - first.reused_tokens

    _, second = run(engine, build_request(Action.FORMAL, EMAIL, context=context, max_tokens=4))
    # Everything up to the end of the email came from the KV cache; the few
    # tokens where the formatted prefix ends ("\n>>>" then the response
    # marker vs the task) may tokenise differently.
    assert second.reused_tokens >= prefix - 4
    assert second.evaluated_tokens == second.prompt_tokens - second.reused_tokens
    assert second.evaluated_tokens < first.evaluated_tokens / 3

    # A selection on the same email shares the same prefix.
    sentence = "Travel costs went down by half since we moved most customer visits to video calls."
    _, third = run(engine, build_request(Action.SHORTEN, sentence, context=context, max_tokens=4))
    assert third.reused_tokens >= prefix - 4


def test_instruction_first_layout_would_defeat_the_cache(engine):
    """Control for the test above: with the task before the email nothing past it is shared."""

    def task_first(task):
        user = f"{task}\n\n{email_block(EmailContext(body=EMAIL))}"
        return GenerationRequest(
            (ChatMessage("system", SYSTEM_PROMPT), ChatMessage("user", user)), max_tokens=2
        )

    run(engine, task_first("Fix the spelling."))
    _, stats = run(engine, task_first("Make it more formal."))
    system_only = engine.measure_input_usage(
        GenerationRequest((ChatMessage("system", SYSTEM_PROMPT), ChatMessage("user", "x")))
    )
    assert stats.reused_tokens < system_only + 8
    # Everything after the fixed system part was read again.
    assert stats.evaluated_tokens >= stats.prompt_tokens - system_only - 8


@pytest.mark.parametrize(
    "language, expected",
    [
        (None, "Write the result in French, the language of the text."),
        ("en", "Write the result in English."),
    ],
)
def test_output_language_reaches_what_the_model_reads(engine, language, expected):
    french = "Bonjour Anna,\n\nmerci pour la réunion de vendredi. Nous devons parler du budget la semaine prochaine."
    request = build_request(
        Action.FRIENDLY, french, context=EmailContext(body=french), language=language
    )
    prompt = engine.render_prompt(request)
    assert expected in prompt
    assert prompt.index(french.strip()) < prompt.index(expected)


def test_too_long_email_is_refused_before_running(engine):
    long_email = " ".join(
        f"Point {i}: the delivery of order {i * 13} moved to week {i % 52}." for i in range(300)
    )
    request = build_request(Action.SHORTEN, long_email, context=EmailContext(body=long_email))
    usage = measure_usage(engine, request)
    assert usage.input_tokens == engine.measure_input_usage(request) > 2048
    assert usage.quota == engine.info.context_size == 2048
    before = engine.last_stats
    with pytest.raises(InputTooLong) as info:
        check_fits(engine, request)
    message = str(info.value)
    needed = usage.input_tokens + usage.reserved_output
    assert f"at least {needed:,} tokens" in message and "window here is 2,048" in message
    assert "Select a part of the email" in message
    assert engine.last_stats is before  # nothing was run


def test_short_email_fits(engine):
    request = build_request(Action.PROOFREAD, "Hi Anna, see you tomorow.", max_tokens=16)
    usage = check_fits(engine, request)
    assert usage.fits and usage.input_tokens < 300
