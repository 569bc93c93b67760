#!/usr/bin/env python3
"""Generates one benchmark data set: a roadmap of N items in sections of ten.

    python3 bench/gen.py N DIR

writes DIR/record/roadmap.xml (a prikaz record, alone in its folder) and DIR/data.json (the same
data for docxtemplater and Carbone). Each item is about 200 bytes of Russian text: a name of
about 180 bytes and a deadline of about 20. Words are drawn by a fixed-seed generator, so the
data are the same on every run and compress like ordinary prose, not like one repeated line.
"""
import json
import os
import random
import sys
from xml.sax.saxutils import escape

WORDS = (
    "организация проведение мероприятие наставничество педагогический работник обучающийся "
    "образовательный учреждение муниципальный районный школьный методический семинар совещание "
    "мониторинг анализ результат программа реализация внедрение целевой модели поддержка молодых "
    "специалистов повышение квалификации участие конкурс профессионального мастерства разработка "
    "положения утверждение плана работы информирование родителей общественности сайт публикация "
    "отчёт итоговый промежуточный диагностика затруднений формирование базы наставников "
    "наставляемых пары группы сопровождение консультация обмен опытом открытый урок занятие "
    "внеурочной деятельности дополнительного образования сетевое взаимодействие партнёрами "
    "предприятиями колледжем ресурсный центр куратор ответственный исполнитель совет экспертный "
    "оценка эффективности анкетирование удовлетворённости форма документ приказ распоряжение "
    "дорожная карта перечень показатели достижение этап подготовительный основной заключительный"
).split()
MONTHS = ("Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь",
          "Октябрь", "Ноябрь", "Декабрь")


def text(rng, size):
    """Words up to about `size` bytes of UTF-8, capitalised, with a full stop."""
    words, length = [], 0
    while length < size:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word.encode()) + 1
    return " ".join(words).capitalize() + "."


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(n)
    sections = []
    for s in range(1, (n + 9) // 10 + 1):
        items = []
        for i in range(1, min(10, n - (s - 1) * 10) + 1):
            items.append({
                "number": f"{s}.{i}",
                "name": text(rng, 175),
                "deadline": f"{rng.choice(MONTHS)} {rng.choice((2024, 2025))} г.",
            })
        sections.append({"number": str(s), "title": text(rng, 60), "items": items})
    title = f"Дорожная карта на {n} мероприятий"

    os.makedirs(os.path.join(out, "record"), exist_ok=True)
    with open(os.path.join(out, "data.json"), "w", encoding="utf-8") as f:
        json.dump({"title": title, "sections": sections}, f, ensure_ascii=False)
    with open(os.path.join(out, "record", "roadmap.xml"), "w", encoding="utf-8") as f:
        w = f.write
        w('<?xml version="1.0" encoding="UTF-8"?>\n')
        w(f'<roadmap xmlns="urn:prikaz:records" version="1" id="bench-{n}">\n')
        w(f"  <title>{escape(title)}</title>\n")
        w('  <columns><column field="number">№</column><column field="name">Мероприятие</column>'
          '<column field="deadline">Срок</column></columns>\n')
        for section in sections:
            w(f'  <section number="{section["number"]}">\n')
            w(f"    <title>{escape(section['title'])}</title>\n")
            for item in section["items"]:
                w(f'    <item number="{item["number"]}"><name>{escape(item["name"])}</name>'
                  f'<deadline>{escape(item["deadline"])}</deadline></item>\n')
            w("  </section>\n")
        w("</roadmap>\n")


if __name__ == "__main__":
    main()
