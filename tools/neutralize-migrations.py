#!/usr/bin/env python3
"""Make EF Core migrations generated against SQLite work on PostgreSQL too.

Kocho keeps one set of migrations per module for both engines (docs/migrations.md):
- column store types are left to the running provider (type: "TEXT" / .HasColumnType("TEXT") removed);
- identity columns carry both providers' annotations.
Usage: tools/neutralize-migrations.py Modules/Kocho.X/Data/Migrations
"""
import pathlib
import re
import sys

NPGSQL_IDENTITY = '.Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)'


def neutralize(text: str) -> str:
    text = re.sub(r'type: "[^"]*",\s*', '', text)
    text = re.sub(r'\n\s*\.HasColumnType\("[^"]*"\)', '', text)
    text = re.sub(r'(\.Annotation\("Sqlite:Autoincrement", true\))(?!\s*\n\s*\.Annotation\("Npgsql)',
                  lambda m: m.group(1) + '\n                        ' + NPGSQL_IDENTITY, text)
    return text


def main(folder: str) -> None:
    for path in sorted(pathlib.Path(folder).glob('*.cs')):
        original = path.read_text(encoding='utf-8')
        changed = neutralize(original)
        if changed != original:
            path.write_text(changed, encoding='utf-8')
            print(f'neutralized {path}')


if __name__ == '__main__':
    main(sys.argv[1])
