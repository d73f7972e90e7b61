// catalogue/feed_mapping.cpp — a feed item to a Product, by the field map.
//
// Each product field is read from the feed's name for it (a --map entry, the Google
// Merchant preset, or the field's own name); every other field of the item goes into
// metadata. In CSV an empty cell is an absent field. Refuses, naming the place (line,
// CSV column), the product and the field: a missing or empty id or title, an id that is
// neither a string nor a whole number, other text fields that are not strings, a price
// that is negative or not a price, metadata that is not an object, and a field that
// is also a metadata key.
#include <algorithm>
#include <cmath>

#include "catalogue/feed_item.hpp"
#include "hosted/json_response.hpp"

namespace vitrine::feed {
namespace {

using nlohmann::json;

// Google Merchant feeds: id,title,description,link,image_link,price,brand,availability,
// with the shop's own category in product_type.
constexpr std::pair<std::string_view, std::string_view> merchant_preset[] = {{"image", "image_link"},
                                                                              {"category", "product_type"}};

class ItemReading {
public:
    ItemReading(const FeedItem& item, std::size_t position, std::string_view source)
        : item_(item), position_(position), source_(source) {}

    std::string where(std::string_view name) const {
        std::optional<std::size_t> column;
        if (item_.columns) {
            const auto found = std::find(item_.columns->begin(), item_.columns->end(), name);
            if (found != item_.columns->end()) column = static_cast<std::size_t>(found - item_.columns->begin()) + 1;
        }
        std::string out = place(source_, item_.line, column, item_.columns ? name : std::string_view{});
        out += ", product " + std::to_string(position_ + 1);
        if (!id_.empty()) out += " ('" + detail::printable_snippet(id_, 60) + "')";
        if (!item_.columns) out += ", field \"" + detail::printable_snippet(name, 40) + "\"";
        return out;
    }
    [[noreturn]] void fail(std::string_view name, const std::string& what) const { refuse(where(name) + ": " + what); }

    // The field's value, or null when absent (in CSV: when the cell is empty).
    const json* value(std::string_view name) const {
        const auto it = item_.fields.find(name);
        if (it == item_.fields.end() || it->is_null()) return nullptr;
        if (item_.columns && it->get_ref<const std::string&>().empty()) return nullptr;
        return &*it;
    }

    std::string text(std::string_view name) const {
        const json* v = value(name);
        if (!v) return {};
        if (!v->is_string()) fail(name, "must be a string");
        return v->get<std::string>();
    }

    void read_id(std::string_view name) {
        const json* v = value(name);
        if (v && v->is_number_unsigned()) id_ = std::to_string(v->get<std::uint64_t>());
        else if (v && v->is_number_integer()) id_ = std::to_string(v->get<std::int64_t>());
        else if (v && !v->is_string()) fail(name, "the id must be a string or a whole number");
        else if (v) id_ = v->get<std::string>();
        if (id_.empty()) fail(name, "the id is missing or empty");
    }
    const std::string& id() const { return id_; }

    std::optional<double> price(std::string_view name, std::string& currency) const {
        const json* v = value(name);
        if (!v) return std::nullopt;
        if (v->is_number()) {
            const double amount = v->get<double>();
            if (!std::isfinite(amount)) fail(name, "the price is not a finite number");
            if (amount < 0) fail(name, "the price " + v->dump() + " is negative");
            return amount;
        }
        if (!v->is_string()) fail(name, "the price must be a number or a text such as \"12.50 EUR\"");
        if (v->get_ref<const std::string&>().find_first_not_of(" \t") == std::string::npos) return std::nullopt;
        std::string problem;
        const auto parsed = parse_price_text(v->get_ref<const std::string&>(), problem);
        if (!parsed) fail(name, problem);
        currency = parsed->currency;
        return parsed->amount;
    }

    json metadata(std::string_view name) const {
        const json* v = value(name);
        if (!v) return json::object();
        if (v->is_object()) return *v;
        if (!item_.columns || !v->is_string()) fail(name, "metadata must be a JSON object");
        const std::string& text = v->get_ref<const std::string&>();
        if (detail::nests_deeper_than(text, detail::max_response_depth)) fail(name, "metadata nests too deep");
        json parsed = json::parse(text, nullptr, false);
        if (!parsed.is_object()) fail(name, "metadata must be the text of a JSON object");
        return parsed;
    }

private:
    const FeedItem& item_;
    std::size_t position_;
    std::string_view source_;
    std::string id_;
};

}  // namespace

ProductReader::ProductReader(const FeedOptions& options, const json& first_fields) : source_(options.source) {
    for (const std::string_view field : product_fields) names_.emplace_back(field, field);
    const auto set = [&](std::string_view field, std::string_view name) {
        for (auto& [f, n] : names_)
            if (f == field) n = name;
    };
    for (const auto& [field, name] : merchant_preset)
        if (!options.fields.contains(field) && !first_fields.contains(field) && first_fields.contains(name))
            set(field, name);
    for (const auto& [field, name] : options.fields) set(field, name);
}

std::string_view ProductReader::name_of(std::string_view field) const {
    for (const auto& [f, n] : names_)
        if (f == field) return n;
    return field;
}

Product ProductReader::read(const FeedItem& item, std::size_t position) const {
    ItemReading reading(item, position, source_);
    reading.read_id(name_of("id"));
    Product p;
    p.id = reading.id();
    p.title = reading.text(name_of("title"));
    if (p.title.empty()) reading.fail(name_of("title"), "the title is missing or empty");
    p.description = reading.text(name_of("description"));
    p.image = reading.text(name_of("image"));
    p.category = reading.text(name_of("category"));
    std::string currency;
    p.price = reading.price(name_of("price"), currency);

    json metadata = reading.metadata(name_of("metadata"));
    for (auto it = item.fields.begin(); it != item.fields.end(); ++it) {
        const std::string& key = it.key();
        const json& value = it.value();
        const bool mapped = std::any_of(names_.begin(), names_.end(), [&](const auto& entry) { return entry.second == key; });
        if (mapped || value.is_null() || (item.columns && value.get_ref<const std::string&>().empty())) continue;
        if (metadata.contains(key)) reading.fail(key, "is both a field of the product and a key of its metadata");
        metadata[key] = value;
    }
    if (!currency.empty() && !metadata.contains("currency")) metadata["currency"] = currency;
    if (!metadata.empty()) p.metadata_json = metadata.dump(-1, ' ', false, json::error_handler_t::replace);
    return p;
}

}  // namespace vitrine::feed
