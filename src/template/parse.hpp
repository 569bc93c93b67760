// Parsing the tags of a scanned part into blocks: which items a loop or a
// condition repeats or drops, decided by where its tags stand (inline, the
// paragraphs between, a table row, several rows, paragraphs in a cell).
#pragma once

#include "template/expr.hpp"
#include "template/scan.hpp"

#include <map>
#include <optional>
#include <vector>

namespace prikaz {

struct Branch {
    std::optional<expr::Expression> condition;  // none: else
    int from = 0, to = 0;                       // body: items [from, to)
    std::vector<int> children;                  // blocks inside this body, in order
};

struct Block {
    enum class Kind { loop, condition, drop } kind;
    std::string variable;                  // loop variable
    std::optional<expr::Expression> items;  // what a loop walks
    std::vector<Branch> branches;          // a loop has one
    int from = 0, to = 0;                  // the items the block stands for: [from, to)
    int open_tag = -1;
    bool cells = false;  // its items are cells of one row ({%tc … %})
};

// A table whose cells a block repeats: the first such block in the table makes
// its columns (docs/templates.md, «Повторяются ячейки»).
struct Grid {
    int block = -1;                   // the block that makes the columns
    std::vector<double> widths;       // the template's columns (Format::width_of_column)
    std::vector<std::string> styles;  // their styles (ODT)
    int from = 0, to = 0;             // the template columns the block's cells stand in: [from, to)
};

struct Program {
    std::vector<Block> blocks;
    std::vector<int> top;                           // blocks not inside another
    std::map<int, expr::Expression> values;         // value tags by tag index
    std::map<int, Grid> grids;                      // by the table's open item
};

// Builds the program of a part; every problem is a template diagnostic at `where`.
Program parse_part(const ScannedPart& part, const std::string& where, std::vector<Diagnostic>& out);

}  // namespace prikaz
