"""The explicit opt-in before email text goes to a server: what is sent, where, who controls it.

"Where" is the whole origin (scheme, host, port): consent is given to it,
and http:// next to a host name the user trusts over https:// is what they
must see before agreeing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from composer.engine.servers import Server
from composer.i18n import filled


def ask_consent(parent: QWidget | None, server: Server) -> bool:
    """True only when the user clicked the button that sends their text to *server*."""
    box = QMessageBox(parent)
    box.setObjectName("serverConsent")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(
        filled(QCoreApplication.translate("ServerConsent", "Send your text to %1?"), server.origin)
    )
    box.setText(
        filled(
            QCoreApplication.translate(
                "ServerConsent",
                "When you ask the assistant, the email you are writing (or the part you "
                "selected), your instruction, the subject and the recipients are sent to "
                "%1 over the network.",
            ),
            server.origin,
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "ServerConsent",
            "Composer does not control that server: whoever runs it can read, keep or "
            "log what it receives, and may answer with a different model than it says. "
            "Use it only if you trust it with your mail. You can withdraw this agreement "
            "in Edit > Settings > Assistant.",
        )
    )
    accept = box.addButton(
        QCoreApplication.translate("ServerConsent", "Send my text there"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    accept.setObjectName("consentAccept")
    accept.setAccessibleName(
        QCoreApplication.translate("ServerConsent", "Send my text to this server")
    )
    refuse = box.addButton(QMessageBox.StandardButton.Cancel)
    refuse.setObjectName("consentRefuse")
    refuse.setAccessibleName(QCoreApplication.translate("ServerConsent", "Do not send my text"))
    box.setDefaultButton(refuse)  # Enter never sends the text away by accident
    box.exec()
    return box.clickedButton() is accept
