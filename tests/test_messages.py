from PySide6.QtCore import QCoreApplication, QTranslator

from composer.i18n import translated
from composer.messages import UserFacingError, fill, user_message


def test_fill_replaces_each_placeholder_once():
    assert fill("%1 of %2", ("3", "%1")) == "3 of %1"
    assert fill("%1 and %3", ("a",)) == "a and %3"


def test_english_text_and_arguments():
    message = user_message("Mail", "The server refused %1 (%2).").arg("anna@example.com", 550)
    assert str(message) == "The server refused anna@example.com (550)."
    assert str(UserFacingError(message)) == str(message)


class _French(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        if context == "Mail" and source == "The server refused %1 (%2).":
            return "Le serveur a refusé %1 (%2)."
        return ""


def test_gui_translates_the_template_then_fills_it(qapp):
    french = _French()
    QCoreApplication.installTranslator(french)
    try:
        message = user_message("Mail", "The server refused %1 (%2).").arg("%2", 550)
        assert translated(UserFacingError(message)) == "Le serveur a refusé %2 (550)."
        assert translated(ValueError("plain")) == "plain"
    finally:
        QCoreApplication.removeTranslator(french)


class _FrenchPlan(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        table = {
            "%1 (chosen in settings)": "%1 (choisi dans les paramètres)",
            "CPU only: %1": "Processeur seul : %1",
        }
        return table.get(source, "") if context == "Plan" else ""


def test_a_message_inside_a_message_is_translated_too(qapp):
    inner = user_message("Plan", "CPU only: %1").arg("no GPU")
    outer = user_message("Plan", "%1 (chosen in settings)").arg(inner)
    assert str(outer) == "CPU only: no GPU (chosen in settings)"
    french = _FrenchPlan()
    QCoreApplication.installTranslator(french)
    try:
        assert translated(outer) == "Processeur seul : no GPU (choisi dans les paramètres)"
    finally:
        QCoreApplication.removeTranslator(french)
