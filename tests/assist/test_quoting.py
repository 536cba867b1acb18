"""Reply bodies: quote levels, attributions, header blocks, questions, the user's span."""

from __future__ import annotations

from composer.assist.quoting import describe_thread, find_questions, parse_author, parse_thread

GMAIL_STYLE = """Sounds good, see below.

On Mon, 3 Mar 2025 at 10:00, Anna Smith <
anna@example.org> wrote:
> Can we meet on Tuesday? I also wonder
> whether Bob can join?
>
> On Sun, 2 Mar 2025, Bob <bob@example.org> wrote:
>> Are you free next week?
>> I have news.
> Let me know.
"""


def test_nested_quotes_give_who_wrote_what():
    thread = parse_thread(GMAIL_STYLE)
    assert thread.is_reply
    anna, bob = thread.messages
    assert (anna.depth, anna.author.name, anna.author.address) == (
        1,
        "Anna Smith",
        "anna@example.org",
    )
    assert anna.when == "Mon, 3 Mar 2025 at 10:00"
    # Anna's lines around Bob's nested quote stay one message, without Bob's lines.
    assert (
        anna.text == "Can we meet on Tuesday? I also wonder\nwhether Bob can join?\n\nLet me know."
    )
    assert (bob.depth, bob.author.name) == (2, "Bob")
    assert bob.text == "Are you free next week?\nI have news."
    assert thread.replying_to is anna
    assert [m.author.name for m in thread.oldest_first()] == ["Bob", "Anna Smith"]


def test_questions_are_joined_across_wrapped_lines():
    anna = parse_thread(GMAIL_STYLE).replying_to
    assert anna.questions == ["Can we meet on Tuesday?", "I also wonder whether Bob can join?"]


def test_own_text_and_its_span():
    thread = parse_thread(GMAIL_STYLE)
    assert thread.own_text == "Sounds good, see below."
    start, end = thread.own_span
    assert GMAIL_STYLE[start:end] == "Sounds good, see below."


def test_reply_with_no_own_text_has_an_empty_span_at_the_top():
    body = "On Tue, Anna wrote:\n> Hello?\n"
    thread = parse_thread(body)
    assert thread.own_span == (0, 0)
    assert thread.own_text == ""
    assert thread.messages[0].author.name == "Anna"


def test_french_attribution_and_interleaved_answers():
    body = "Le lun. 3 mars 2025 à 10:00, Anna <a@x.fr> a écrit :\n> Tu viens demain ?\nOui.\n> Et samedi ?\nNon."
    thread = parse_thread(body)
    (anna,) = thread.messages
    assert anna.author == parse_author("Anna <a@x.fr>")
    assert anna.when == "lun. 3 mars 2025 à 10:00"
    assert anna.text == "Tu viens demain ?\n…\nEt samedi ?"  # "…" marks where the user answered
    assert anna.questions == ["Tu viens demain ?", "Et samedi ?"]
    assert thread.own_text == "Oui.\nNon."


def test_outlook_header_block_without_quote_marks():
    body = (
        "Merci !\n\n"
        "-----Original Message-----\n"
        'From: "Smith, Anna" <anna@example.org>\n'
        "Sent: Monday, March 3, 2025 10:00\n"
        "To: me@example.org\n"
        "Subject: Meeting\n"
        "\n"
        "Can we meet?\n"
    )
    thread = parse_thread(body)
    (anna,) = thread.messages
    assert anna.author.name == "Smith, Anna" and anna.author.address == "anna@example.org"
    assert anna.when == "Monday, March 3, 2025 10:00"
    assert anna.text.strip() == "Can we meet?"
    assert body[slice(*thread.own_span)] == "Merci !"


def test_french_outlook_headers_without_separator():
    body = "Ok.\n\nDe : Anna <anna@example.org>\nEnvoyé : lundi 3 mars 2025\nObjet : Réunion\n\nOn se voit quand ?"
    thread = parse_thread(body)
    assert thread.messages[0].author.name == "Anna"
    assert thread.messages[0].questions == ["On se voit quand ?"]


def test_plain_text_is_not_a_reply():
    thread = parse_thread("Hi Anna,\n\nwhat about Tuesday?\n\nTom")
    assert not thread.is_reply
    assert thread.own_text == "Hi Anna,\n\nwhat about Tuesday?\n\nTom"


def test_author_forms():
    assert parse_author("anna@example.org").name == "anna@example.org"
    assert parse_author('"Anna S." <anna@example.org>').name == "Anna S."
    assert parse_author("Anna").address == ""


def test_find_questions_ignores_statements():
    assert find_questions("We met. Did it go well? Yes! And then?") == [
        "Did it go well?",
        "And then?",
    ]


def test_describe_thread_for_the_prompt():
    text = describe_thread(parse_thread(GMAIL_STYLE))
    assert text.index("Message from Bob") < text.index(
        "Message from Anna Smith (the message being answered)"
    )
    assert (
        "Questions to answer:\n- Can we meet on Tuesday?\n- I also wonder whether Bob can join?"
        in text
    )
    assert text.endswith("My notes for the reply:\nSounds good, see below.")


def test_attribution_like_sentence_without_a_quote_is_own_text():
    body = "Hi Anna,\nOn Monday, I wrote:\nthe plan is fine.\n\nOn Tue, Anna wrote:\n> Is the plan fine?"
    thread = parse_thread(body)
    assert thread.own_text == "Hi Anna,\nOn Monday, I wrote:\nthe plan is fine."
    assert body[slice(*thread.own_span)] == thread.own_text
    assert [m.author.name for m in thread.messages] == ["Anna"]
