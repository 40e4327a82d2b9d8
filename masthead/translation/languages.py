"""The languages Masthead can serve, each named in its own language.

Plain data with no Django imports, so ``settings.py`` can read it at start-up.
"""

from __future__ import annotations

# (code, name in the language itself): the switcher shows each language in its own name.
LANGUAGES: list[tuple[str, str]] = [
    ("en", "English"),
    ("af", "Afrikaans"),
    ("an", "Aragonés"),
    ("ar", "العربية"),
    ("ast", "Asturianu"),
    ("az", "Azərbaycanca"),
    ("be", "Беларуская"),
    ("bg", "Български"),
    ("bn", "বাংলা"),
    ("bs", "Bosanski"),
    ("ca", "Català"),
    ("cs", "Čeština"),
    ("cy", "Cymraeg"),
    ("da", "Dansk"),
    ("de", "Deutsch"),
    ("el", "Ελληνικά"),
    ("eo", "Esperanto"),
    ("es", "Español"),
    ("et", "Eesti"),
    ("eu", "Euskara"),
    ("fa", "فارسی"),
    ("fi", "Suomi"),
    ("fr", "Français"),
    ("ga", "Gaeilge"),
    ("gl", "Galego"),
    ("he", "עברית"),
    ("hi", "हिन्दी"),
    ("hr", "Hrvatski"),
    ("hu", "Magyar"),
    ("hy", "Հայերեն"),
    ("id", "Bahasa Indonesia"),
    ("is", "Íslenska"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ka", "ქართული"),
    ("kk", "Қазақ тілі"),
    ("km", "ខ្មែរ"),
    ("ko", "한국어"),
    ("lt", "Lietuvių"),
    ("lv", "Latviešu"),
    ("mk", "Македонски"),
    ("ml", "മലയാളം"),
    ("mr", "मराठी"),
    ("ms", "Bahasa Melayu"),
    ("nb", "Norsk bokmål"),
    ("ne", "नेपाली"),
    ("nl", "Nederlands"),
    ("oc", "Occitan"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("ro", "Română"),
    ("ru", "Русский"),
    ("sc", "Sardu"),
    ("sk", "Slovenčina"),
    ("sl", "Slovenščina"),
    ("sq", "Shqip"),
    ("sr", "Српски"),
    ("sv", "Svenska"),
    ("sw", "Kiswahili"),
    ("ta", "தமிழ்"),
    ("te", "తెలుగు"),
    ("th", "ไทย"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("ur", "اردو"),
    ("uz", "Oʻzbekcha"),  # noqa: RUF001 - Uzbek spells its name with this letter
    ("vi", "Tiếng Việt"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
]

# Written right to left: the page gets dir="rtl".
RTL_LANGUAGES: list[str] = ["ar", "he", "fa", "ur"]

NATIVE_NAMES: dict[str, str] = dict(LANGUAGES)


def language_name(code: str) -> str:
    """``code``'s name in the active language where Django knows it, else its own name."""
    if not code:
        return ""
    from django.utils import translation

    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return NATIVE_NAMES.get(code, code)
