#!/usr/bin/env python3
# Writes templates/src/roadmap.fodt (python3 templates/gen/roadmap.py templates/gen/roadmap-head.fodt.in > templates/src/roadmap.fodt): generic tables of 3..7 columns (sections as
# spanning rows) and 4..6 columns (sections in the "№" and "stage" columns),
# each cell filled by the field of the record's column at its position.
import sys

NBSP = "\u00a0"
W = 26.2  # cm of text width on landscape A4 with 2 + 1.5 cm margins

FLAT = {
    3: [1.5, 16.7, 8.0],
    4: [1.5, 13.2, 5.5, 6.0],
    5: [1.4, 8.8, 3.6, 5.2, 7.2],
    6: [1.5, 8.2, 3.5, 4.2, 4.4, 4.4],
    7: [1.4, 7.0, 3.0, 3.7, 3.7, 3.7, 3.7],
}
STAGE = {
    4: [1.3, 5.0, 7.0, 12.9],
    5: [1.3, 4.5, 6.0, 10.4, 4.0],
    6: [1.3, 4.0, 5.5, 8.4, 3.5, 3.5],
}
COLS = "roadmap.columns.column"


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def field_switch(section):
    """Inline tags printing the item field named by c.field; `section` says
    whether the stage columns show the section (first item of a stage)."""
    br = "<text:line-break/>"
    parts = [
        ('number', '{{ s.number? }}' if section == 'stage' else '{{ i.number? }}'),
        ('stage', '{{ s.title }}' if section == 'stage' else ''),
        ('name', '{{ i.name? }}'),
        ('content', '{% for p in i.content.p? %}{{ p }}{% if not loop.last %}' + br + '{% endif %}{% endfor %}'),
        ('deadline', '{{ i.deadline? }}'),
        ('responsible', '{% for r in i.responsible? %}{{ r }}{% if not loop.last %}, {% endif %}{% endfor %}'),
        ('participants', '{{ i.participants? }}'),
        ('result', '{{ i.result? }}'),
        ('document', '{{ i.document? }}'),
        ('status', '{{ i.status? }}'),
    ]
    out = ""
    for n, (f, body) in enumerate(parts):
        out += ('{% if ' if n == 0 else '{% elif ') + 'c.field == "' + f + '" %}' + body
    return out + '{% endif %}'


def by_position(k, body):
    return '{% for c in ' + COLS + ' %}{% if loop.index == ' + str(k) + ' %}' + body + '{% endif %}{% endfor %}'


def cell(text, style="Cell", para="CellText", extra=""):
    return (f'<table:table-cell table:style-name="{style}" office:value-type="string"{extra}>'
            f'<text:p text:style-name="{para}">{text}</text:p></table:table-cell>')


def table(name, widths, stage):
    n = len(widths)
    x = [f'      <table:table table:name="{name}" table:style-name="Plan">']
    for k, w in enumerate(widths, 1):
        x.append(f'        <table:table-column table:style-name="{name}.C{k}"/>')
    x.append('        <table:table-header-rows>')
    x.append('          <table:table-row>')
    for k in range(1, n + 1):
        x.append('            ' + cell(by_position(k, '{{ c }}'), "HeadCell", "HeadText"))
    x.append('          </table:table-row>')
    x.append('        </table:table-header-rows>')
    # The row of column numbers, when the record has one.
    x.append('        <table:table-row>')
    for k in range(1, n + 1):
        t = by_position(k, '{{ c }}').replace(COLS, 'roadmap.columns.number-row.cell')
        if k == 1:
            t = '{% if roadmap.columns.number-row? %}' + t
        if k == n:
            t += '{% endif %}'
        x.append('            ' + cell(t, "Cell", "HeadText"))
    x.append('          </table:table-row>')
    if not stage:
        x.append('        <table:table-row table:style-name="KeepRow">')
        x.append('          ' + cell('{% for s in roadmap.section? %}<text:span text:style-name="Bold">{{ s.number? }} {{ s.title }}</text:span>',
                                     "SectionCell", "SectionText", f' table:number-columns-spanned="{n}"'))
        for _ in range(n - 1):
            x.append('          <table:covered-table-cell/>')
        x.append('        </table:table-row>')

    def item_row(first_tag, last_tag, section):
        # A row of a flat plan stays on one page; the long rows of a plan by stage may break.
        x.append('        <table:table-row>' if stage else '        <table:table-row table:style-name="KeepRow">')
        for k in range(1, n + 1):
            if section == 'stage':
                body = ('{% if loop.first %}' + by_position(k, field_switch('stage')) + '{% else %}'
                        + by_position(k, field_switch('none')) + '{% endif %}')
            else:
                body = by_position(k, field_switch('none'))
            if k == 1:
                body = first_tag + body
            if k == n:
                body += last_tag
            x.append('          ' + cell(body))
        x.append('        </table:table-row>')

    if stage:
        item_row('{% for s in roadmap.section? %}{% for i in s.item %}', '{% endfor %}{% endfor %}', 'stage')
    else:
        item_row('{% for i in s.item %}', '{% endfor %}{% endfor %}', 'none')
    item_row('{% for i in roadmap.item? %}', '{% endfor %}', 'none')
    x.append('      </table:table>')
    return "\n".join(x)


def p(text, style="Standard"):
    return f'      <text:p text:style-name="{style}">{text}</text:p>'


def main():
    col_styles = []
    for prefix, layouts in (("Flat", FLAT), ("Stage", STAGE)):
        for n, widths in layouts.items():
            assert abs(sum(widths) - W) < 0.01, (prefix, n, sum(widths))
            for k, w in enumerate(widths, 1):
                col_styles.append(f'    <style:style style:name="{prefix}{n}.C{k}" style:family="table-column">'
                                  f'<style:table-column-properties style:column-width="{w}cm"/></style:style>')
    body = []
    # Approval stamp, top right.
    body.append(p('{% if roadmap.approval? %}'))
    body.append(p('{% if roadmap.approval.wording? %}{{ roadmap.approval.wording }}'
                  '{% else %}{{ roadmap.title | approved }}{% endif %}'
                  '{% if not roadmap.approval.wording? %} приказом{% if roadmap.approval.order? %} '
                  '{{ roadmap.approval.order.issuer.organization.short-name }}{% endif %}{% endif %}', "Stamp"))
    body.append(p('{% if roadmap.approval.date? %}от {{ roadmap.approval.date | date }}{% endif %}'
                  '{% if roadmap.approval.number? %} №' + NBSP + '{{ roadmap.approval.number }}{% endif %}', "Stamp"))
    body.append(p('{% if roadmap.approval.approver? %}'))
    body.append(p('{{ roadmap.approval.approver.position }} __________ '
                  '{{ roadmap.approval.approver.person | ref | initials_surname }}', "Stamp"))
    body.append(p('{% endif %}'))
    body.append(p('{% endif %}'))
    body.append(p('{{ roadmap.title }}', "Title"))
    # Passport.
    body.append(p('{% if roadmap.passport? %}'))
    body.append('      <table:table table:name="Passport" table:style-name="Plan">')
    body.append('        <table:table-column table:style-name="Passport.C1"/>')
    body.append('        <table:table-column table:style-name="Passport.C2"/>')

    def prow(cond, label, value_paras):
        body.append('        <table:table-row>')
        body.append('          <table:table-cell table:style-name="Cell" office:value-type="string">'
                    f'<text:p text:style-name="CellText">{{% if {cond} %}}<text:span text:style-name="Bold">{label}</text:span></text:p></table:table-cell>')
        body.append('          <table:table-cell table:style-name="Cell" office:value-type="string">')
        for i, t in enumerate(value_paras):
            if i == len(value_paras) - 1:
                t += '{% endif %}'
            body.append(f'            <text:p text:style-name="CellText">{t}</text:p>')
        body.append('          </table:table-cell>')
        body.append('        </table:table-row>')

    pp = 'roadmap.passport'
    prow(pp + '.goal?', 'Цель', ['{{ ' + pp + '.goal }}'])
    prow(pp + '.tasks?', 'Задачи',
         ['{% for t in ' + pp + '.tasks.p %}{{ loop.index }}. {{ t }}{% if not loop.last %}<text:line-break/>{% endif %}{% endfor %}'])
    prow(pp + '.place?', 'Место выполнения', ['{{ ' + pp + '.place }}'])
    prow(pp + '.term?', 'Срок выполнения', ['{{ ' + pp + '.term }}'])
    prow(pp + '.indicators?', 'Целевые показатели',
         ['{% for x in ' + pp + '.indicators.indicator %}{{ x }}'
          '{% if x.base? %}: базовое значение — {{ x.base | number }}{% if x.unit? %} {{ x.unit }}{% endif %}{% endif %}'
          '{% if x.target? %}{% if x.base? %},{% else %}:{% endif %} целевое — {{ x.target | number }}{% if x.unit? %} {{ x.unit }}{% endif %}{% endif %}'
          '{% if not loop.last %};<text:line-break/>{% endif %}{% endfor %}'])
    body.append('      </table:table>')
    body.append(p('', "Gap"))
    body.append(p('{% endif %}'))
    # The plan table: one of the layouts, chosen by the number of columns and by
    # whether the second column is the stage ("by stage" plans).
    body.append(p('{% if count(' + COLS + ') &lt; 3 or count(' + COLS + ') &gt; 7 %}'))
    body.append(p('{{ roadmap.columns.from-3-to-7-columns }}'))
    body.append(p('{% endif %}'))
    body.append(p('{% for k in ' + COLS + ' %}'))
    first = True
    for n in FLAT:
        body.append(p(('{% if ' if first else '{% elif ') + 'loop.index == 2 and k.field != "stage" and count(' + COLS + ') == ' + str(n) + ' %}'))
        first = False
        body.append(table(f"Flat{n}", FLAT[n], False))
    for n in STAGE:
        body.append(p('{% elif loop.index == 2 and k.field == "stage" and count(' + COLS + ') == ' + str(n) + ' %}'))
        body.append(table(f"Stage{n}", STAGE[n], True))
    body.append(p('{% elif loop.index == 2 and k.field == "stage" %}'))
    body.append(p('{{ roadmap.columns.stage-plan-from-4-to-6-columns }}'))
    body.append(p('{% endif %}'))
    body.append(p('{% endfor %}'))
    # Notes under the table.
    body.append(p('{% if roadmap.notes? %}'))
    body.append(p('{% if roadmap.notes.title? %}'))
    body.append(p('{{ roadmap.notes.title }}', "NotesTitle"))
    body.append(p('{% endif %}'))
    body.append(p('{% for n in roadmap.notes.p %}'))
    body.append(p('{{ n }}', "Notes"))
    body.append(p('{% endfor %}'))
    body.append(p('{% endif %}'))

    head = open(sys.argv[1], encoding="utf-8").read()
    out = head.replace("@COLUMN_STYLES@", "\n".join(col_styles)).replace("@BODY@", "\n".join(body))
    sys.stdout.write(out)


main()
