// Filling charts: a chart whose description (alt text) holds tags gets its data
// from what the description renders to, a table of lines "label; value; value…".
// The chart part's cached data is rewritten, stale copies of the old numbers (the
// embedded workbook, the replacement picture) are dropped, and the description
// becomes the rendered table (read aloud by screen readers). See docs/templates.md.
#pragma once

#include <prikaz/prikaz.hpp>

#include "template/expr.hpp"
#include "template/format.hpp"
#include "template/package.hpp"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace prikaz {

// One category of a chart: its label and one value per series.
struct ChartRow {
    std::string label;
    std::vector<double> values;
};

// Reads the rendered table of a chart with `series` series: one line per
// category, fields separated by ";", blank lines skipped; numbers with "." or ","
// as the decimal sign. The error (Russian, without the chart's name) names the line.
std::variant<std::vector<ChartRow>, std::string> read_chart_table(std::string_view text, std::size_t series);

struct ChartOptions {
    const expr::Scope& scope;  // the document's root scope
    Limits xml;                // for each XML part read
    bool typograph = true;     // as for the document's values
};

// Fills the tagged charts of the main part (DOCX word/document.xml, ODT
// content.xml) in `package`, before the main part is scanned. Problems are
// diagnostics at "<template>:<part>"; charts without tags are left untouched.
void fill_charts(Package& package, const Format& format, const std::string& template_name,
                 const ChartOptions& options, std::vector<Diagnostic>& out);

}  // namespace prikaz
