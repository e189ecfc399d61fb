"""Write the number words of the English, French and Spanish packs: ordinals and cardinals
1-99 spelt out, and the numeric ordinals UN documents print (``3rd``, ``85e``, ``92ª``).

The words are regular; listing 200 of them by hand per language invites typos, so this
script spells them out once and ``tests/test_lang_data.py`` checks each file is what it
writes. Forms are written in match form: lower case, without accents.

    python tools/gen_latin_numbers.py en > unkg/lang/en/numbers.json
"""

from __future__ import annotations

import json
import sys
import unicodedata

EN_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
EN_TEENS = [
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]  # fmt: skip
EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
EN_ORD_UNITS = [
    "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
]  # fmt: skip
EN_ORD_TEENS = [
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth",
]  # fmt: skip
EN_ORD_TENS = [
    "", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
    "eightieth", "ninetieth",
]  # fmt: skip

FR_UNITS = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
FR_TEENS = [
    "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
    "dix-neuf",
]  # fmt: skip
FR_TENS = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"]

ES_UNITS = ["", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
ES_TEENS = [
    "diez", "once", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete",
    "dieciocho", "diecinueve",
]  # fmt: skip
ES_TWENTIES = [
    "veinte", "veintiuno", "veintidos", "veintitres", "veinticuatro", "veinticinco",
    "veintiseis", "veintisiete", "veintiocho", "veintinueve",
]  # fmt: skip
ES_TENS = ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta",
           "noventa"]  # fmt: skip
ES_ORD_UNITS = [
    "", "primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "septimo", "octavo",
    "noveno",
]  # fmt: skip
ES_ORD_TENS = [
    "", "decimo", "vigesimo", "trigesimo", "cuadragesimo", "quincuagesimo", "sexagesimo",
    "septuagesimo", "octogesimo", "nonagesimo",
]  # fmt: skip


def plain(text: str) -> str:
    """Match form: lower case, no accents."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def en_cardinal(n: int) -> list[str]:
    if n < 10:
        return [EN_UNITS[n]]
    if n < 20:
        return [EN_TEENS[n - 10]]
    tens, unit = divmod(n, 10)
    if not unit:
        return [EN_TENS[tens]]
    return [f"{EN_TENS[tens]}-{EN_UNITS[unit]}", f"{EN_TENS[tens]} {EN_UNITS[unit]}"]


def en_ordinal(n: int) -> list[str]:
    if n < 10:
        words = [EN_ORD_UNITS[n]]
    elif n < 20:
        words = [EN_ORD_TEENS[n - 10]]
    else:
        tens, unit = divmod(n, 10)
        if not unit:
            words = [EN_ORD_TENS[tens]]
        else:
            words = [
                f"{EN_TENS[tens]}-{EN_ORD_UNITS[unit]}",
                f"{EN_TENS[tens]} {EN_ORD_UNITS[unit]}",
            ]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return [*words, f"{n}{suffix}"]


def fr_cardinal(n: int) -> list[str]:
    if n < 10:
        return [FR_UNITS[n]]
    if n < 20:
        return [FR_TEENS[n - 10]]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix, quatre-vingt-dix
        base = "soixante" if tens == 7 else "quatre-vingt"
        rest = fr_cardinal(10 + unit)[0]
        joined = f"{base}-et-{rest}" if (tens == 7 and unit == 1) else f"{base}-{rest}"
        return [joined]
    base = "quatre-vingt" if tens == 8 else FR_TENS[tens]
    if not unit:
        return ["quatre-vingts" if tens == 8 else base]
    if unit == 1 and tens != 8:
        return [f"{base}-et-un", f"{base} et un"]
    return [f"{base}-{FR_UNITS[unit]}"]


def fr_ordinal(n: int) -> list[str]:
    if n == 1:
        words = ["premier", "premiere"]
    else:
        word = fr_cardinal(n)[0]
        if word.endswith("q"):
            word += "u"
        elif word.endswith("f"):
            word = word[:-1] + "v"
        elif word.endswith(("e", "s")) and not word.endswith("trois"):
            word = word[:-1]
        words = [word + "ieme"]
    numeric = ["1er", "1re", "1ere"] if n == 1 else [f"{n}e", f"{n}eme"]
    return [*words, *numeric]


def es_cardinal(n: int) -> list[str]:
    if n < 10:
        return [ES_UNITS[n]]
    if n < 20:
        return [ES_TEENS[n - 10]]
    if n < 30:
        return [ES_TWENTIES[n - 20]]
    tens, unit = divmod(n, 10)
    return [ES_TENS[tens]] if not unit else [f"{ES_TENS[tens]} y {ES_UNITS[unit]}"]


def es_ordinal(n: int) -> list[str]:
    tens, unit = divmod(n, 10)
    if n < 10:
        stems = [ES_ORD_UNITS[n]]
    elif n == 11:
        stems = ["undecimo", "decimo primero"]
    elif n == 12:
        stems = ["duodecimo", "decimo segundo"]
    elif not unit:
        stems = [ES_ORD_TENS[tens]]
    else:
        stems = [
            f"{ES_ORD_TENS[tens]} {ES_ORD_UNITS[unit]}",
            f"{ES_ORD_TENS[tens]}{ES_ORD_UNITS[unit]}",
        ]
        if ES_ORD_UNITS[unit].startswith("o"):
            # one o where two meet: "decimoctavo", as the RAE and UN Spanish write it
            stems.append(f"{ES_ORD_TENS[tens]}{ES_ORD_UNITS[unit][1:]}")
    words = []
    for stem in stems:
        masculine = stem
        feminine = stem[:-1] + "a" if stem.endswith("o") else stem
        words += [masculine, feminine]
        if stem.endswith(("primero", "tercero")):
            words.append(stem[:-1])  # apocope: "primer período", "tercer período"
    numeric = [f"{n}a", f"{n}o", f"{n}ª", f"{n}º", f"{n}.a", f"{n}.o", f"{n}.ª", f"{n}.º"]
    return [*words, *numeric]


LANGUAGES = {
    "en": (en_ordinal, en_cardinal),
    "fr": (fr_ordinal, fr_cardinal),
    "es": (es_ordinal, es_cardinal),
}


def numbers(code: str) -> dict[str, object]:
    ordinal, cardinal = LANGUAGES[code]
    ordinals: dict[str, int] = {}
    cardinals: dict[str, int] = {}
    for n in range(1, 100):
        for word in ordinal(n):
            ordinals.setdefault(plain(word), n)
        for word in cardinal(n):
            cardinals.setdefault(plain(word), n)
    return {
        "_about": (
            f"Ordinal and cardinal number words 1-99 ({code}), in match form (lower case, no "
            "accents), with the numeric ordinals documents print. Generated by "
            "tools/gen_latin_numbers.py; do not edit by hand."
        ),
        "ordinals": ordinals,
        "cardinals": cardinals,
    }


def main() -> None:
    code = sys.argv[1] if len(sys.argv) > 1 else "en"
    json.dump(numbers(code), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
