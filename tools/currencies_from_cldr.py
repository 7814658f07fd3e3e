"""Write analysis/data/currencies.yaml from the Unicode CLDR data shipped with Babel (run by hand, not at run time).

Usage: python tools/currencies_from_cldr.py > analysis/data/currencies.yaml
Every ISO 4217 code CLDR names in English, with its English singular and plural names and its English
symbol when that differs from the code; else the symbol of an English locale of a territory using it ("Rp" in
en_ID, "RM" in en_MY, "Ksh" in en_KE, "₦" in en_NG), when it is a sign or two letters or more and no other English
locale writes it for another currency (so not "$", "Rs", "kr" or "K"). Codes of the ISO 4217 "X" block (precious metals, test and fund
codes) are kept only when CLDR gives them as a territory's currency today (the CFA and CFP francs, the
East Caribbean dollar).
"""

import datetime

import babel
from babel import Locale, localedata
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies

HEADER = f"""# Currencies: every ISO 4217 code with its English names and symbol, read by analysis/stages/figures.py.
# Source: Unicode CLDR (Unicode License v3, https://www.unicode.org/license.txt) as shipped with
# Babel {babel.__version__}; written by tools/currencies_from_cldr.py, not by hand. Codes are ISO 4217.
# code: [singular name, plural name, symbol or ""]; the symbol is the English one, else that of an English locale
# of a territory using the currency when no other writes it ("Rp" in en_ID, "Ksh" in en_KE). Names match
# case-insensitively after a number ("420 million Finnish markkas"); codes match in capitals before or after it
# ("USD 500", "500 EUR"); symbols match as written, those of letters also glued to the digits ("RM50").
# Common short names ("dollars", "yuan", "pence") are in units.yaml.
"""


def territory_codes() -> set[str]:
    """Codes CLDR gives as some territory's currency today."""
    today = datetime.date.today()
    return {code for territory in Locale("en").territories for code in get_territory_currencies(territory, today)}


def local_symbols() -> dict[str, str]:
    """Code -> the symbol an English locale of a territory writes for its currency, when unambiguous."""
    today = datetime.date.today()
    written: dict[str, set[str]] = {}
    for name in localedata.locale_identifiers():
        language, _, territory = name.partition("_")
        if language != "en" or not territory.isalpha():
            continue
        for code in get_territory_currencies(territory, today)[:1]:
            symbol = get_currency_symbol(code, name)
            if (len(symbol) > 1 or not symbol.isalpha()) and symbol not in (code, get_currency_symbol(code, "en")):
                written.setdefault(symbol, set()).add(code)
    english = {get_currency_symbol(code, "en") for code in Locale("en").currencies}
    return {min(codes): symbol for symbol, codes in written.items() if len(codes) == 1 and symbol not in english}


def main() -> None:
    """Print the YAML file."""
    national = territory_codes()
    local = local_symbols()
    print(HEADER, end="")
    for code in sorted(Locale("en").currencies):
        if code.startswith("X") and code not in national:
            continue
        one, many = get_currency_name(code, 1, "en"), get_currency_name(code, 2, "en")
        symbol = get_currency_symbol(code, "en")
        symbol = local.get(code, "") if symbol == code else symbol
        print(f"{code}: [{one!r}, {many!r}, {symbol!r}]".replace("'", '"'))


if __name__ == "__main__":
    main()
