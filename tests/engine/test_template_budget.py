"""Chat templates that balloon or stall, through the render path the engine uses.

Every template here is real Jinja compiled and rendered by ChatTemplate (as
LocalEngine does for a model's template). The ballooning ones would each
allocate gigabytes if a value were only checked once made; tracemalloc shows
the peak stays small, i.e. they are refused before the allocation. Timing
bounds are generous (the work is refused or stopped in milliseconds; the
bug they guard against took 7-9 s).
"""

from __future__ import annotations

import json
import threading
import time
import tracemalloc
from datetime import datetime

import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment

from composer.engine.base import Cancelled
from composer.engine.chat_template import (
    MAX_SLOW_TEXT_CHARS,
    MAX_SORT_ITEMS,
    TEST_CONVERSATION,
    ChatTemplate,
    TemplateError,
)

PEAK_BYTES = 64 << 20  # what a refused template may have allocated at most
SHORT = [{"role": "user", "content": "hi"}]
LONG = [{"role": "user", "content": "x" * 300}]
BIG = "'y' * 60000"  # a 60,000-character text, made inside the template

BALLOONS = {
    # Grows only on long input: the first-use check (a short conversation) passes it.
    "replace only on long input": "{% if messages[-1].content|length > 200 %}"
    "{% set s = " + BIG + " %}{{ s|replace('y', s) }}{% endif %}ok",
    "replace, an intermediate": "{% set s = " + BIG + " %}{{ (s|replace('y', s))|length }}",
    "str.replace": "{% set s = " + BIG + " %}{{ s.replace('y', s)|length }}",
    "join": "{% set s = " + BIG + " %}{{ range(20000)|join(s) }}",
    "str.join": "{% set s = " + BIG + " %}{{ s.join(('a,' * 20000).split(',')) }}",
    "~ doubling": "{% set ns = namespace(s='ab') %}{% for i in range(40) %}"
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    "+ doubling": "{% set ns = namespace(s='ab') %}{% for i in range(40) %}"
    "{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s|length }}",
    "* of a text": "{% set s = " + BIG + " %}{{ (s * 100000)|length }}",
    "* of a list": "{% set s = " + BIG + " %}{{ ([s] * 100000)|string|length }}",
    "% widths": "{{ (('%99999s' * 10000) % ((1,) * 10000))|length }}",
    "% of one long value": "{% set s = " + BIG + " %}{{ ('%(a)s' * 1000) % {'a': s} }}",
    "format filter": "{{ ('%99999s' * 10000)|format(*range(10000)) }}",
    "str.format": "{{ ('{:99999}' * 10000).format(*range(10000)) }}",
    "str.format of one value": "{% set s = " + BIG + " %}{{ ('{0}' * 20000).format(s) }}",
    "indent by a text": "{% set s = " + BIG + " %}{{ ('a\n' * 40000)|indent(s) }}",
    "wordwrap's wrapstring": "{% set s = " + BIG + " %}"
    "{{ ('a ' * 40000)|wordwrap(1, wrapstring=s) }}",
    "center of each item": "{{ ((range(1000)|map('string')|list) * 50)|map('center', 100000)"
    "|list|length }}",
    "list built in a loop": "{% set ns = namespace(l=[]) %}{% for i in range(50000) %}"
    "{% set ns.l = ns.l + [('y' * 50000) ~ i] %}{% endfor %}{{ ns.l|length }}",
    "macro output": "{% macro twice(s) %}{{ s }}{{ s }}{% endmacro %}"
    "{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = twice(ns.s) %}"
    "{% endfor %}{{ ns.s|length }}",
    "a whole number": "{% set ns = namespace(n=10) %}{% for i in range(40) %}"
    "{% set ns.n = ns.n * ns.n %}{% endfor %}{{ ns.n > 0 }}",
    "a power": "{{ 7 ** 100000000 }}",
}


@pytest.mark.parametrize("source", BALLOONS.values(), ids=list(BALLOONS))
def test_ballooning_templates_are_refused_before_the_allocation(source):
    template = ChatTemplate(source, "", "")
    tracemalloc.start()
    try:
        with pytest.raises(TemplateError) as raised:
            template.render(LONG)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < PEAK_BYTES, f"{peak / 1e6:.0f} MB allocated before the refusal"
    assert "Traceback" not in str(raised.value)


# Cheap to make, but C code walking them (a comparison, ``in``) would read
# gigabytes in one uninterruptible call: a list is measured by the text it holds.
WALKED = {
    "list literal": "{% set s = 'y' * 300000 %}{{ 'x' in [s, s, s, s, s, s, s, s, s, s] }}",
    "list repeated": "{% set s = 'y' * 300000 %}{{ 'x' in [s] * 100000 }}",
    "list added": "{% set s = 'y' * 300000 %}{{ 'x' in [s, s] + [s, s] }}",
}


@pytest.mark.parametrize("source", WALKED.values(), ids=list(WALKED))
def test_lists_holding_too_much_text_are_refused(source):
    with pytest.raises(TemplateError, match="a list too large"):
        ChatTemplate(source, "", "").render(SHORT)


def test_a_template_that_grows_only_on_long_input_passes_the_first_use_render():
    template = ChatTemplate(BALLOONS["replace only on long input"], "", "")
    assert template.render(list(TEST_CONVERSATION)).prompt == "ok"  # what the trial renders
    with pytest.raises(TemplateError, match="too large"):
        template.render(LONG)  # what the app renders later


# -- templates shaped like real ones still render, identically, on a long email ---------------
CHATML = (
    "{%- if messages[0].role == 'system' %}"
    "{{- '<|im_start|>system\\n' + messages[0].content + '<|im_end|>\\n' }}{%- endif %}"
    "{%- set ns = namespace(last_user=messages|length - 1) %}"
    "{%- for message in messages[::-1] %}"
    "{%- if message.role == 'user' and not message.content.startswith('<tool_response>') %}"
    "{%- set ns.last_user = (messages|length - 1) - loop.index0 %}{%- endif %}{%- endfor %}"
    "{%- for message in messages %}"
    "{%- if message.role == 'user' or (message.role == 'system' and not loop.first) %}"
    "{{- '<|im_start|>' + message.role + '\\n' + message.content + '<|im_end|>\\n' }}"
    "{%- elif message.role == 'assistant' %}{%- set content = message.content %}"
    "{%- if '</think>' in content %}{%- set content = content.split('</think>')[-1].lstrip('\\n') %}"
    "{%- endif %}{{- '<|im_start|>assistant\\n' + content + '<|im_end|>\\n' }}{%- endif %}"
    "{%- endfor %}{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"
)
HEADERS = (
    "{{- bos_token }}{%- set today = strftime_now('%d %b %Y') %}"
    "{%- if messages[0]['role'] == 'system' %}{%- set system = messages[0]['content']|trim %}"
    "{%- set messages = messages[1:] %}{%- else %}{%- set system = '' %}{%- endif %}"
    "{{- '<|start_header_id|>system<|end_header_id|>\\n\\nToday: ' + today|length|string }}"
    "{{- system + '<|eot_id|>' }}{%- for message in messages %}"
    "{{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' "
    "+ message['content']|trim + '<|eot_id|>' }}{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|start_header_id|>assistant<|end_header_id|>' }}"
    "{%- endif %}"
)
INSTRUCT = (
    "{%- if messages[0]['role'] == 'system' %}{%- set system = messages[0]['content'] %}"
    "{%- set turns = messages[1:] %}{%- else %}{%- set turns = messages %}{%- endif %}"
    "{{- bos_token }}{%- for message in turns %}"
    "{%- if (message['role'] == 'user') != (loop.index0 % 2 == 0) %}"
    "{{- raise_exception('Roles must alternate') }}{%- endif %}"
    "{%- if message['role'] == 'user' and loop.first and system is defined %}"
    "{{- ' [INST] ' + system + '\\n\\n' + message['content'] + ' [/INST]' }}"
    "{%- elif message['role'] == 'user' %}{{- ' [INST] ' + message['content'] + ' [/INST]' }}"
    "{%- else %}{{- ' ' + message['content'] + eos_token }}{%- endif %}{%- endfor %}"
)
FILTERS = (
    "{% for m in messages %}{{ '<|' ~ m['role'] ~ '|>\\n' ~ m['content']|replace('\\r\\n', '\\n') }}"
    "<|end|>\n{% endfor %}{{ messages|map(attribute='role')|join(',') }}"
    "{{ messages|selectattr('role', 'equalto', 'user')|list|length }}"
    "{{ '%s-%d' % ('a', 3) }}{{ '{}/{}'.format('x', 1) }}{{ messages|tojson|length }}"
    "{{ messages[-1]['content'][:40]|upper|wordcount }}{{ ['b', 'a']|sort|join }}"
)


@pytest.mark.parametrize("source", [CHATML, HEADERS, INSTRUCT, FILTERS])
def test_real_shaped_templates_render_a_long_email_like_plain_jinja(source):
    body = "Dear Zoë,\r\nthanks for the café — 日本語 🙂. " * 4000  # 160,000 characters
    messages = [
        {"role": "system", "content": "You help write emails."},
        {"role": "user", "content": body},
        {"role": "assistant", "content": "<think>hm</think>\nSure."},
        {"role": "user", "content": body},
    ]
    if source is INSTRUCT:
        messages = messages[:2]
    plain = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
    plain.filters["tojson"] = lambda x: json.dumps(x, ensure_ascii=False)  # HuggingFace's
    expected = plain.from_string(source).render(
        messages=messages,
        bos_token="<s>",
        eos_token="</s>",
        add_generation_prompt=True,
        raise_exception=lambda text: pytest.fail(text),
        strftime_now=lambda fmt: datetime.now().strftime(fmt),
    )
    assert ChatTemplate(source, "<s>", "</s>").render(messages).prompt == expected


# -- time: slow C calls get bounded inputs; the budget and Stop hold -------------------------
SORTS = "{% for i in range(100000) %}{{ (range(" + str(MAX_SORT_ITEMS) + ")|list)|sort|length }}"
STALLS = {
    "sort": SORTS + "{% endfor %}",
    "wordwrap": "{% for i in range(100000) %}{{ messages[0].content|wordwrap|length }}{% endfor %}",
    "title": "{% for i in range(100000) %}{{ messages[0].content|title|length }}{% endfor %}",
    "select each item": "{% set big = range(100000)|list %}"
    "{{ range(100000)|select('in', big)|list|length }}",
    "dictsort": "{% set d = dict(range(" + str(2 * MAX_SORT_ITEMS) + ")|batch(2)|list) %}"
    "{% for i in range(100000) %}{{ d|dictsort|length }}{% endfor %}",
}
WORDS = [{"role": "user", "content": "word " * (MAX_SLOW_TEXT_CHARS // 5 - 1)}]


@pytest.mark.parametrize("source", STALLS.values(), ids=list(STALLS))
def test_a_slow_template_stops_within_its_budget(source):
    template = ChatTemplate(source, "", "")
    started = time.monotonic()
    with pytest.raises(TemplateError, match="too long"):
        template.render(WORDS, seconds=0.5)
    assert time.monotonic() - started < 0.5 + 2.0


@pytest.mark.parametrize("source", STALLS.values(), ids=list(STALLS))
def test_stop_ends_a_slow_template_at_once(source):
    template = ChatTemplate(source, "", "")
    cancel = threading.Event()
    pressed: list[float] = []

    def press_stop() -> None:
        pressed.append(time.monotonic())
        cancel.set()

    timer = threading.Timer(0.3, press_stop)
    timer.start()
    try:
        with pytest.raises(Cancelled):
            template.render(WORDS, cancel=cancel, seconds=600)
    finally:
        timer.cancel()
    # Measured here: 1-70 ms. Before: the whole C call (7-9 s for sort and wordwrap).
    assert time.monotonic() - pressed[0] < 1.5


def test_sorting_a_list_longer_than_the_bound_is_refused():
    too_many = f"{{{{ (range({MAX_SORT_ITEMS + 1})|list)|sort|length }}}}"
    with pytest.raises(TemplateError, match=f"{MAX_SORT_ITEMS:,}"):
        ChatTemplate(too_many, "", "").render(SHORT)
    fine = f"{{{{ (range({MAX_SORT_ITEMS})|list)|sort|length }}}}"
    assert ChatTemplate(fine, "", "").render(SHORT).prompt == str(MAX_SORT_ITEMS)


def test_a_list_of_millions_is_refused_before_it_is_sorted():
    source = "{{ ((range(100000)|list) * 40)|sort|length }}"
    with pytest.raises(TemplateError, match="4,000,000 items"):
        ChatTemplate(source, "", "").render(SHORT)


def test_wordwrap_of_a_text_longer_than_the_bound_is_refused():
    template = ChatTemplate("{{ messages[0].content|wordwrap|length }}", "", "")
    assert template.render(WORDS).prompt  # at the bound: wrapped
    longer = [{"role": "user", "content": "word " * (MAX_SLOW_TEXT_CHARS // 5 + 1)}]
    with pytest.raises(TemplateError, match="“wordwrap”"):
        template.render(longer)


# -- the rest of the hostile surface -------------------------------------------------------------
@pytest.mark.parametrize(
    "source", ["{{ messages|pprint }}", "{{ 'a b'|urlize }}", "{{ lipsum(100000) }}"]
)
def test_filters_and_globals_no_template_needs_are_gone(source):
    with pytest.raises(TemplateError):
        ChatTemplate(source, "", "").render(SHORT)


def test_string_methods_that_multiply_their_input_are_refused():
    source = "{{ 'aaaa'.translate({97: 'b' * 100000}) }}{{ 'a\tb'.expandtabs(100000) }}"
    with pytest.raises(TemplateError):
        ChatTemplate(source, "", "").render(SHORT)


def test_a_templates_refusal_is_quoted_printable_and_short():
    source = "{{ raise_exception('no\\x00\\n\\u202e' * 2000) }}"
    with pytest.raises(TemplateError) as raised:
        ChatTemplate(source, "", "").render(SHORT)
    text = str(raised.value)
    assert text.startswith("The model's chat template refused the conversation: no")
    assert text.isprintable() and len(text) < 400 and text.endswith("…")
