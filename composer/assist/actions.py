"""Writing actions turned into chat requests for the engine.

Pure functions: no Qt, no engine. The user's text goes into the request and
nowhere else (never into logs).
"""

from __future__ import annotations

from composer.engine.base import ChatMessage, GenerationRequest

SYSTEM_PROMPT = (
    "You are a writing assistant inside an email app. You write the body of an "
    "email for the user: plain text, no subject line, no commentary, no "
    "placeholders in square brackets unless the user gave no name. Keep the "
    "language of the user's instruction."
)


def draft_request(
    instruction: str,
    subject: str = "",
    recipients: str = "",
    max_tokens: int = 512,
    temperature: float = 0.7,
) -> GenerationRequest:
    """A new email body written from the user's short instruction."""
    instruction = instruction.strip()
    if not instruction:
        raise ValueError("Type what the email should say first.")
    context = []
    if recipients.strip():
        context.append(f"To: {recipients.strip()}")
    if subject.strip():
        context.append(f"Subject: {subject.strip()}")
    user = "Write an email."
    if context:
        user += "\n" + "\n".join(context)
    user += f"\nWhat it should say: {instruction}"
    return GenerationRequest(
        messages=(ChatMessage("system", SYSTEM_PROMPT), ChatMessage("user", user)),
        max_tokens=max_tokens,
        temperature=temperature,
    )
