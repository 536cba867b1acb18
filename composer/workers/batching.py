"""How often the engine thread hands streamed text to the GUI thread."""

FLUSH_INTERVAL_S = 0.03  # batch tokens so a fast model never floods the GUI's event loop
