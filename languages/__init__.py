"""Languages: locales, the language switcher, <html lang dir>, and which language a text is in."""
