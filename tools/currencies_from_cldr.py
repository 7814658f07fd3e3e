"""Write analysis/data/currencies.yaml from the Unicode CLDR data shipped with Babel (run by hand, not at run time).

Usage: python tools/currencies_from_cldr.py > analysis/data/currencies.yaml
Every ISO 4217 code CLDR names in English, with its English singular and plural names and its English
symbol when that differs from the code. Codes of the ISO 4217 "X" block (precious metals, test and fund
codes) are kept only when CLDR gives them as a territory's currency today (the CFA and CFP francs, the
East Caribbean dollar).
"""

import datetime

import babel
from babel import Locale
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies

HEADER = f"""# Currencies: every ISO 4217 code with its English names and symbol, read by analysis/stages/figures.py.
# Source: Unicode CLDR (Unicode License v3, https://www.unicode.org/license.txt) as shipped with
# Babel {babel.__version__}; written by tools/currencies_from_cldr.py, not by hand. Codes are ISO 4217.
# code: [singular name, plural name, symbol or ""]. Names match case-insensitively after a number
# ("420 million Finnish markkas"); codes match in capitals before or after it ("USD 500", "500 EUR");
# symbols match as written. Common short names ("dollars", "yuan", "pence") are in units.yaml.
"""


def territory_codes() -> set[str]:
    """Codes CLDR gives as some territory's currency today."""
    today = datetime.date.today()
    return {code for territory in Locale("en").territories for code in get_territory_currencies(territory, today)}


def main() -> None:
    """Print the YAML file."""
    national = territory_codes()
    print(HEADER, end="")
    for code in sorted(Locale("en").currencies):
        if code.startswith("X") and code not in national:
            continue
        one, many = get_currency_name(code, 1, "en"), get_currency_name(code, 2, "en")
        symbol = get_currency_symbol(code, "en")
        symbol = "" if symbol == code else symbol
        print(f"{code}: [{one!r}, {many!r}, {symbol!r}]".replace("'", '"'))


if __name__ == "__main__":
    main()
