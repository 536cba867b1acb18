"""Composer: a private email composer with a local writing assistant."""

__version__ = "0.1.0"
APP_NAME = "Composer"
APP_ID = "composer-private-mail"
