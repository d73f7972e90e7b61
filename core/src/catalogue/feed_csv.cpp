// catalogue/feed_csv.cpp — a CSV feed (RFC 4180): a header row naming the fields, then
// a product a row; fields separated by commas, optionally quoted ("" is a quote inside
// quotes, where commas and line breaks are data); rows end in CRLF or LF; blank lines
// between rows are skipped. Hand-written: Debian's C++ CSV library (libfccp) reads a line
// at a time (no line breaks in quoted fields) with the column count fixed at compile
// time, and libcsv is LGPL C packaged only natively, not for the WASM module.
//
// Refuses, naming line and column (the field's number): ill-formed UTF-8, a quote that
// never closes, text after a closing quote, a quote inside an unquoted field, a header
// with an empty or repeated name, a row with more or fewer fields than the header.
#include <algorithm>
#include <vector>

#include "catalogue/feed_item.hpp"

namespace vitrine::feed {
namespace {

struct Row {
    std::vector<std::string> cells;
    std::size_t line = 0;
};

class CsvScanner {
public:
    CsvScanner(std::string_view text, std::string_view source) : text_(text), source_(source) {}

    // The next row, or false at the end of the text.
    bool next(Row& row) {
        while (at_line_end()) {  // blank lines
            if (pos_ >= text_.size()) return false;
            skip_line_end();
        }
        row.cells.clear();
        row.line = line_;
        for (;;) {
            const std::size_t column = row.cells.size() + 1;
            row.cells.push_back(pos_ < text_.size() && text_[pos_] == '"' ? quoted(column) : unquoted(column));
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            skip_line_end();
            return true;
        }
    }

private:
    std::string_view text_, source_;
    std::size_t pos_ = 0, line_ = 1;

    bool at_line_end() const {
        return pos_ >= text_.size() || text_[pos_] == '\n' || text_.substr(pos_, 2) == "\r\n";
    }
    void skip_line_end() {
        if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
        if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_, ++line_;
    }
    [[noreturn]] void fail(std::size_t line, std::size_t column, const std::string& what) const {
        refuse(place(source_, line, column) + ": " + what);
    }

    std::string unquoted(std::size_t column) {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) {
            if (text_[pos_] == '"')
                fail(line_, column, "a quote inside an unquoted field (quote the whole field and double its quotes)");
            ++pos_;
        }
        return std::string(text_.substr(start, pos_ - start));
    }

    std::string quoted(std::size_t column) {
        const std::size_t opened_on = line_;
        std::string cell;
        ++pos_;
        for (;;) {
            const std::size_t quote = text_.find('"', pos_);
            if (quote == std::string_view::npos) fail(opened_on, column, "a quoted field is never closed");
            const std::string_view part = text_.substr(pos_, quote - pos_);
            for (const char c : part) line_ += c == '\n';
            cell += part;
            pos_ = quote + 1;
            if (pos_ < text_.size() && text_[pos_] == '"') {
                cell += '"';
                ++pos_;
                continue;
            }
            if (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end())
                fail(line_, column, "text after the closing quote of a field");
            return cell;
        }
    }
};

std::vector<std::string> read_header(CsvScanner& scanner, std::string_view source) {
    Row header;
    if (!scanner.next(header)) refuse(std::string(source) + ": the CSV has no header row");
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        const std::string& name = header.cells[i];
        if (name.empty()) refuse(place(source, header.line, i + 1) + ": the header names no field here");
        for (std::size_t j = 0; j < i; ++j)
            if (header.cells[j] == name)
                refuse(place(source, header.line, i + 1, name) + ": the header repeats column " + std::to_string(j + 1));
    }
    return std::move(header.cells);
}

}  // namespace

void read_csv_items(std::string_view text, std::string_view source, const EachItem& each) {
    if (const auto bad = first_invalid_utf8(text)) {
        const std::string_view before = text.substr(0, *bad);
        const std::size_t line = 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
        const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
        refuse(std::string(source) + ": line " + std::to_string(line) + ", byte " + std::to_string(*bad - line_start + 1) +
               " of the line: not valid UTF-8");
    }
    CsvScanner scanner(text, source);
    const std::vector<std::string> header = read_header(scanner, source);
    Row row;
    while (scanner.next(row)) {
        if (row.cells.size() != header.size())
            refuse(place(source, row.line) + ": " + std::to_string(row.cells.size()) + " fields, the header has " +
                   std::to_string(header.size()));
        nlohmann::json fields = nlohmann::json::object();
        for (std::size_t i = 0; i < header.size(); ++i) fields[header[i]] = std::move(row.cells[i]);
        each(FeedItem{fields, row.line, &header});
    }
}

}  // namespace vitrine::feed
