"""Where Composer keeps its files.

Every folder comes from platformdirs and can be moved as a whole with the
environment variable COMPOSER_HOME (tests and portable installs use it), so
nothing ever writes into the user's real profile by accident.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from composer import APP_ID
from composer.fileio import make_private_dir


@dataclass(frozen=True)
class AppPaths:
    config: Path
    data: Path
    cache: Path

    @property
    def models(self) -> Path:
        return self.data / "models"

    @property
    def drafts(self) -> Path:
        return self.data / "drafts"

    @property
    def personal_words(self) -> Path:
        """The words the user added to the spelling dictionary."""
        return self.data / "spelling" / "personal-words.txt"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def own_folders(self) -> tuple[Path, ...]:
        """The top folders of everything Composer writes (drafts, sent mail, models: in data)."""
        return (self.config, self.data, self.cache)

    def ensure(self) -> AppPaths:
        # Settings and drafts hold the user's mail and choices; the cache names
        # the machine's devices and the models the user runs (with their
        # speeds), the models folder what they downloaded: this user only.
        for folder in (self.config, self.data, self.drafts, self.cache, self.models):
            make_private_dir(folder)
        return self


def app_paths() -> AppPaths:
    home = os.environ.get("COMPOSER_HOME")
    if home:
        root = Path(home)
        return AppPaths(config=root / "config", data=root / "data", cache=root / "cache")
    return AppPaths(
        config=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        data=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)),
    )
