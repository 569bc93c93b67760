// Rendering a parsed part with a record: blocks repeat or drop their items,
// value tags print escaped text; the part is written as one string or piece by piece.
#pragma once

#include "template/format.hpp"
#include "template/parse.hpp"

#include <functional>
#include <string>

namespace prikaz {

// Renders a part. Values that cannot be printed (a path that finds nothing, a
// character not allowed in XML) become data diagnostics at `where`; rendering
// goes on so that all of them are found.
// With `typograph`, printed values go through russian::typograph (quotes,
// dashes, no-break spaces); the template's own text is left as typed.
std::string render_part(const ScannedPart& part, const Program& program, const Format& format,
                        const expr::Scope& scope, const std::string& where, std::vector<Diagnostic>& out,
                        bool typograph = true);

// Where a rendered part goes piece by piece: takes the bytes out of `chunk`.
using PartSink = std::function<void(std::string& chunk)>;

// The same, handed to `sink` as it goes, so that a long document is never held in memory whole.
void render_part_to(const PartSink& sink, const ScannedPart& part, const Program& program, const Format& format,
                    const expr::Scope& scope, const std::string& where, std::vector<Diagnostic>& out,
                    bool typograph = true);

}  // namespace prikaz
