#!/usr/bin/env python3
# Writes templates/src/roadmap.fodt (python3 templates/gen/roadmap.py templates/gen/roadmap-head.fodt.in > templates/src/roadmap.fodt):
# one plan table whose cells repeat per record column ({%tc for c in roadmap.columns.column %}),
# in two layouts: sections as spanning rows, or sections in the "number" and "stage"
# columns (a plan by stage). Each cell prints the item field its column names;
# column widths come from the columns' width attributes (docs/templates.md).
import sys

NBSP = "\u00a0"
W = 26.2  # cm of text width on landscape A4 with 2 + 1.5 cm margins
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


def by_column(body, items=None):
    """The cell repeated once per record column, `c` its column."""
    return '{%tc for c in ' + (items or COLS) + ' %}' + body + '{%tc endfor %}'


def cell(text, style="Cell", para="CellText", extra=""):
    return (f'<table:table-cell table:style-name="{style}" office:value-type="string"{extra}>'
            f'<text:p text:style-name="{para}">{text}</text:p></table:table-cell>')


def table(name, stage):
    x = [f'      <table:table table:name="{name}" table:style-name="Plan">']
    x.append('        <table:table-column table:style-name="Plan.C1"/>')
    x.append('        <table:table-header-rows>')
    x.append('          <table:table-row>')
    x.append('            ' + cell(by_column('{{ c }}'), "HeadCell", "HeadText"))
    x.append('          </table:table-row>')
    x.append('        </table:table-header-rows>')
    # The row of column numbers, when the record has one.
    x.append('        <table:table-row>')
    x.append('            ' + cell('{%tr if roadmap.columns.number-row? %}'
                                   + by_column('{{ c }}', 'roadmap.columns.number-row.cell') + '{%tr endif %}',
                                   "Cell", "HeadText"))
    x.append('          </table:table-row>')
    if not stage:
        # Spans the one column of the template, and so every column made.
        x.append('        <table:table-row table:style-name="KeepRow">')
        x.append('          ' + cell('{% for s in roadmap.section? %}<text:span text:style-name="Bold">{{ s.number? }} {{ s.title }}</text:span>',
                                     "SectionCell", "SectionText"))
        x.append('        </table:table-row>')

    def item_row(first_tag, last_tag, section):
        # A row of a flat plan stays on one page; the long rows of a plan by stage may break.
        x.append('        <table:table-row>' if stage else '        <table:table-row table:style-name="KeepRow">')
        if section == 'stage':
            # The stage shows in the first row of its section: the row loop's loop.first.
            body = '{% if loop.parent.first %}' + field_switch('stage') + '{% else %}' + field_switch('none') + '{% endif %}'
        else:
            body = field_switch('none')
        x.append('          ' + cell(first_tag + by_column(body) + last_tag))
        x.append('        </table:table-row>')

    if stage:
        item_row('{%tr for s in roadmap.section? %}{%tr for i in s.item %}', '{%tr endfor %}{%tr endfor %}', 'stage')
    else:
        item_row('{%tr for i in s.item %}', '{%tr endfor %}{% endfor %}', 'none')
    item_row('{%tr for i in roadmap.item? %}', '{%tr endfor %}', 'none')
    x.append('      </table:table>')
    return "\n".join(x)


def p(text, style="Standard"):
    return f'      <text:p text:style-name="{style}">{text}</text:p>'


def main():
    col_styles = [f'    <style:style style:name="Plan.C1" style:family="table-column">'
                  f'<style:table-column-properties style:column-width="{W}cm"/></style:style>']
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
    # The plan table: sections as rows, or in the columns of a plan by stage.
    body.append(p('{% if count(' + COLS + ' | where("field", "stage")) == 0 %}'))
    body.append(table("Plan", False))
    body.append(p('{% else %}'))
    body.append(table("PlanByStage", True))
    body.append(p('{% endif %}'))
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
