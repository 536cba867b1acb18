"""Who wrote each line of a message body: only the user's own lines are checked.

Lines quoted with "> ", the "On …, Anna wrote:" line that introduces them, a
forwarded message (from its "---------- Forwarded message ----------" line
to the end) and the signature (from its "-- " line to the next quote) are
someone else's text or text written once in Settings: their spelling is not
the user's business while writing this message.

The region of a line depends on the lines above it; a syntax highlighter
carries it from block to block as an int state (Region's value).
"""

from __future__ import annotations

from enum import IntEnum

from composer.assist.quoting import is_attribution, is_header_separator, is_quoted
from composer.mail.outgoing import SIGNATURE_SEPARATOR


class Region(IntEnum):
    OWN = 0  # the user's text: checked
    QUOTED = 1  # "> …" and the attribution line above it
    SIGNATURE = 2  # from "-- " until a quote
    FORWARDED = 3  # from a forward's separator line to the end


def region_of(line: str, above: Region) -> Region:
    """The region of *line*, given the region of the line above it."""
    if above is Region.FORWARDED or is_header_separator(line):
        return Region.FORWARDED
    if is_quoted(line) or is_attribution(line):
        return Region.QUOTED
    if line.rstrip() == SIGNATURE_SEPARATOR.rstrip():
        return Region.SIGNATURE
    if above is Region.SIGNATURE:
        return Region.SIGNATURE
    return Region.OWN


def regions_of(lines: list[str]) -> list[Region]:
    """The region of every line of a body, top to bottom."""
    regions, above = [], Region.OWN
    for line in lines:
        above = region_of(line, above)
        regions.append(above)
    return regions
