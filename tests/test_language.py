"""Language detection on sentences written for this test: Cyrillic languages by the
letters only they write, the rest by py3langid."""
import pytest

from sholu.clean.language import detect_language

RUSSIAN = ("Вчера в Караганде депутаты маслихата встретились с жителями района и обсудили "
           "ремонт дорог, работу поликлиник и новые автобусные маршруты.")
RUSSIAN_QUOTING_KAZAKH = ("Аким области напомнил, что слово «әділет» значит справедливость, и "
                          "пообещал, что очередь на жильё сократится уже в следующем году.")
KAZAKH = ("Өткен аптада Қарағанды облысының әкімі аудан тұрғындарымен кездесіп, жол жөндеу "
          "және емхана жұмысы туралы сөйлесті.")
UKRAINIAN = ("Минулого тижня міський голова зустрівся з мешканцями району, і вони обговорили "
             "ремонт доріг, роботу поліклінік та нові об'єкти для дітей.")
UKRAINIAN_SHORT = "Це був її день: вона з'їла яблуко."
ENGLISH = ("Last week the regional governor met residents of the district and discussed road "
           "repairs, the work of clinics and new bus routes.")
BELARUSIAN = ("Учора ў Мінску адбылася сустрэча з жыхарамі раёна, і ўсе яны гаварылі пра "
              "рамонт дарог і працу паліклінік.")


@pytest.mark.parametrize("text, language", [
    (RUSSIAN, "ru"),
    (RUSSIAN_QUOTING_KAZAKH, "ru"),
    (KAZAKH, "kk"),
    (UKRAINIAN, "uk"),
    (UKRAINIAN_SHORT, "uk"),
    (ENGLISH, "en"),
    (BELARUSIAN, "be"),
])
def test_language_is_detected(text, language):
    assert detect_language(text) == language


def test_ukrainian_is_not_taken_for_kazakh():
    """Ukrainian і once made any Ukrainian page Kazakh."""
    assert detect_language("Україна і світ: новини дня, які цікавлять кожного.") == "uk"


def test_text_without_letters_has_no_language():
    assert detect_language("2026 — 15.03, 14:00") == "und"
