"""English demonyms of places, so that "Chinese authorities" or "Kazakh
officials" point at the country."""

DEMONYMS = {
    "CN": ["Chinese"], "KZ": ["Kazakh", "Kazakhstani"], "IR": ["Iranian"], "RU": ["Russian"],
    "US": ["American", "U.S.", "US"], "CA": ["Canadian"], "NO": ["Norwegian"], "XK": ["Kosovar", "Kosovan"],
    "KW": ["Kuwaiti"], "PY": ["Paraguayan"], "ET": ["Ethiopian"], "GE": ["Georgian"],
    "SE": ["Swedish"], "IS": ["Icelandic"], "MY": ["Malaysian"], "TH": ["Thai"], "UZ": ["Uzbek"],
    "KG": ["Kyrgyz"], "TJ": ["Tajik"], "TM": ["Turkmen"], "UA": ["Ukrainian"], "BY": ["Belarusian"],
    "AM": ["Armenian"], "VE": ["Venezuelan"], "AR": ["Argentine", "Argentinian"], "BR": ["Brazilian"],
    "MX": ["Mexican"], "FR": ["French"], "DE": ["German"], "GB": ["British"], "JP": ["Japanese"],
    "KR": ["South Korean", "Korean"], "IN": ["Indian"], "PK": ["Pakistani"], "AE": ["Emirati"],
    "SA": ["Saudi"], "QA": ["Qatari"], "EG": ["Egyptian"], "TR": ["Turkish"], "NG": ["Nigerian"],
    "SV": ["Salvadoran", "Salvadorean"], "BT": ["Bhutanese"], "NP": ["Nepali", "Nepalese"],
    "VN": ["Vietnamese"], "ID": ["Indonesian"], "FI": ["Finnish"], "DK": ["Danish"], "NL": ["Dutch"],
    "CH": ["Swiss"], "GE-AB": ["Abkhaz", "Abkhazian"], "US-TX": ["Texan"], "US-NY": ["New York State"],
    "AZ": ["Azerbaijani"], "MN": ["Mongolian"], "IQ": ["Iraqi"], "EU": ["European"],
}
