// The archive's commands on the command line: issue, verify, list, journal.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <vector>

namespace prikaz {

// What the archive's commands are given on the command line.
struct ArchiveArgs {
    std::string archive = "archive";
    std::string record, date, basis, cancels, amends, templates;
    std::vector<std::string> formats;
    std::string year, kind, text, format = "csv", output;
};

// The archive's subcommands of an app. CLI11 writes the options into this object,
// so it stays where it was made.
class ArchiveCommands {
public:
    explicit ArchiveCommands(CLI::App& app);
    ArchiveCommands(const ArchiveCommands&) = delete;
    ArchiveCommands& operator=(const ArchiveCommands&) = delete;

    // Runs the archive command the parsed command line names and gives its exit code;
    // nothing when it names another command. `schemas` is the global --schemas option.
    std::optional<int> run(const std::string& schemas) const;

private:
    ArchiveArgs args_;
    CLI::App* issue_ = nullptr;
    CLI::App* verify_ = nullptr;
    CLI::App* list_ = nullptr;
    CLI::App* journal_ = nullptr;
};

}  // namespace prikaz
