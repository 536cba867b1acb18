"""Model files on disk: reading and checking GGUF headers, with no engine, hardware or Qt."""

from composer.modelfile.gguf import GGUFError, GGUFInfo, read_gguf

__all__ = ["GGUFError", "GGUFInfo", "read_gguf"]
