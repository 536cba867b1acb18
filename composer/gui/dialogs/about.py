"""Help > About: versions and llama.cpp's own description of this build."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer import APP_NAME, __version__
from composer.gui.window_placement import keep_on_screen
from composer.i18n import filled


def version_lines() -> list[str]:
    lines = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}",
        f"Qt {qVersion()}, PySide6 {pyside_version}",
    ]
    try:
        import llama_cpp

        lines.append(f"llama-cpp-python {llama_cpp.__version__}")
        lines.append(
            "GPU offload in this build: "
            + ("yes" if llama_cpp.llama_supports_gpu_offload() else "no")
        )
        lines.append(
            "llama.cpp system info: " + llama_cpp.llama_print_system_info().decode().strip()
        )
    except Exception as exc:  # the About box must open even if llama.cpp cannot load
        lines.append(f"llama-cpp-python: not available ({exc})")
    return lines


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(filled(self.tr("About %1"), APP_NAME))
        self.setObjectName("aboutDialog")
        intro = QLabel(
            filled(
                self.tr(
                    "<h3>%1</h3><p>A private email composer. The writing assistant runs on "
                    "this computer; your mail never leaves it unless you send it or choose "
                    "a server of your own.</p>"
                ),
                APP_NAME,
            )
        )
        intro.setWordWrap(True)
        details = QPlainTextEdit("\n".join(version_lines()))
        details.setReadOnly(True)
        details.setObjectName("versionDetails")
        details.setAccessibleName(self.tr("Version details"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(details)
        layout.addWidget(buttons)
        keep_on_screen(self, QSize(560, 360))  # all of it on the screen, frame included
