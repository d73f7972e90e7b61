// hosted/retry_policy.cpp — retryable statuses, jittered exponential backoff and
// Retry-After parsing (delay-seconds and the three HTTP-date forms of RFC 9110:
// IMF-fixdate, obsolete RFC 850 and asctime). See vitrine/hosted/retry_policy.hpp.
#include "vitrine/hosted/retry_policy.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "vitrine/base/error.hpp"

namespace vitrine {
namespace {

[[noreturn]] void refuse(const std::string& what) { throw Error(ErrorKind::invalid_argument, "retry policy: " + what); }

void check_policy(const RetryPolicy& policy) {
    if (policy.max_retries < 0) refuse("max_retries is negative");
    for (const double seconds : {policy.base_delay, policy.max_delay, policy.max_retry_after})
        if (!std::isfinite(seconds) || seconds < 0) refuse("delays must be finite and not negative");
}

bool ascii_iequal(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        return lower(x) == lower(y);
    });
}

// Reads an HTTP-date left to right; any mismatch leaves ok() false.
class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {}
    bool ok() const { return ok_; }
    bool at_end() const { return ok_ && pos_ == text_.size(); }
    char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

    void expect(char c) {
        if (peek() != c) ok_ = false;
        ++pos_;
    }
    void expect(std::string_view word) {
        if (!ascii_iequal(text_.substr(pos_, word.size()), word)) ok_ = false;
        pos_ += word.size();
    }
    int digits(std::size_t count) {
        int value = 0;
        for (std::size_t i = 0; i < count; ++i) {
            const char c = peek();
            if (c < '0' || c > '9') ok_ = false;
            value = value * 10 + (c - '0');
            ++pos_;
        }
        return value;
    }
    std::string_view letters() {
        const std::size_t start = pos_;
        while ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z')) ++pos_;
        if (pos_ == start) ok_ = false;
        return text_.substr(start, pos_ - start);
    }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

constexpr std::array<std::string_view, 12> month_names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> day_names = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> long_day_names = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                            "Friday", "Saturday", "Sunday"};

int month_number(Cursor& in) {
    const std::string_view name = in.letters();
    for (std::size_t i = 0; i < month_names.size(); ++i)
        if (ascii_iequal(name, month_names[i])) return static_cast<int>(i) + 1;
    return 0;
}

bool is_day_name(std::string_view name) {
    for (std::size_t i = 0; i < day_names.size(); ++i)
        if (ascii_iequal(name, day_names[i]) || ascii_iequal(name, long_day_names[i])) return true;
    return false;
}

bool is_leap(long long year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

long long leap_years_through(long long year) { return year / 4 - year / 100 + year / 400; }

// Days from 1970-01-01 to the first day of `year` (year >= 1).
long long days_before_year(long long year) {
    return 365 * (year - 1970) + leap_years_through(year - 1) - leap_years_through(1969);
}

long long days_before_month(long long year, int month) {
    static constexpr std::array<int, 12> cumulative = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    return cumulative[static_cast<std::size_t>(month - 1)] + (month > 2 && is_leap(year) ? 1 : 0);
}

int days_in_month(long long year, int month) {
    static constexpr std::array<int, 12> lengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return lengths[static_cast<std::size_t>(month - 1)] + (month == 2 && is_leap(year) ? 1 : 0);
}

long long year_of(double unix_seconds) {
    const long long days = static_cast<long long>(std::floor(unix_seconds / 86400.0));
    long long year = 1970 + static_cast<long long>(std::floor(static_cast<double>(days) / 365.2425));
    while (days_before_year(year) > days) --year;
    while (days_before_year(year + 1) <= days) ++year;
    return year;
}

struct DateTime {
    long long year = 0;
    int month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

void read_time(Cursor& in, DateTime& t) {
    t.hour = in.digits(2);
    in.expect(':');
    t.minute = in.digits(2);
    in.expect(':');
    t.second = in.digits(2);
}

std::optional<DateTime> parse_http_date(std::string_view text, double now_unix_seconds) {
    Cursor in(text);
    DateTime t;
    if (!is_day_name(in.letters())) return std::nullopt;
    if (in.peek() == ',') {
        in.expect(',');
        in.expect(' ');
        t.day = in.digits(2);
        if (in.peek() == '-') {  // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
            in.expect('-');
            t.month = month_number(in);
            in.expect('-');
            // A two-digit year more than 50 years ahead means the century before.
            const long long now_year = year_of(now_unix_seconds);
            t.year = now_year / 100 * 100 + in.digits(2);
            if (t.year > now_year + 50) t.year -= 100;
        } else {  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
            in.expect(' ');
            t.month = month_number(in);
            in.expect(' ');
            t.year = in.digits(4);
        }
        in.expect(' ');
        read_time(in, t);
        in.expect(" GMT");
    } else {  // asctime: Sun Nov  6 08:49:37 1994
        in.expect(' ');
        t.month = month_number(in);
        in.expect(' ');
        if (in.peek() == ' ') {
            in.expect(' ');
            t.day = in.digits(1);
        } else {
            t.day = in.digits(2);
        }
        in.expect(' ');
        read_time(in, t);
        in.expect(' ');
        t.year = in.digits(4);
    }
    if (!in.at_end() || t.month == 0 || t.year < 1 || t.day < 1 || t.day > days_in_month(t.year, t.month) ||
        t.hour > 23 || t.minute > 59 || t.second > 60)
        return std::nullopt;
    return t;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

bool is_retryable_status(int status) noexcept {
    if (status == 0 || status == 408 || status == 429) return true;
    return status >= 500 && status <= 599 && status != 501 && status != 505;
}

std::optional<double> parse_retry_after(std::string_view value, double now_unix_seconds) {
    value = trim(value);
    if (value.empty()) return std::nullopt;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        double seconds = 0;
        for (const char c : value) seconds = seconds * 10 + (c - '0');
        return seconds;
    }
    const auto date = parse_http_date(value, now_unix_seconds);
    if (!date) return std::nullopt;
    const long long days = days_before_year(date->year) + days_before_month(date->year, date->month) + date->day - 1;
    const double at = static_cast<double>(days) * 86400.0 + date->hour * 3600.0 + date->minute * 60.0 + date->second;
    return std::max(0.0, at - now_unix_seconds);
}

double backoff_delay(const RetryPolicy& policy, int retry, double jitter) {
    check_policy(policy);
    if (!(jitter >= 0.0 && jitter < 1.0)) refuse("jitter must be in [0, 1)");
    const double exponential = policy.base_delay * std::pow(2.0, std::max(retry, 0));
    const double capped = std::min(exponential, policy.max_delay);
    return capped / 2 + capped / 2 * jitter;
}

std::optional<double> retry_delay(const RetryPolicy& policy, int retries_done, int status,
                                  std::optional<std::string_view> retry_after, double now_unix_seconds,
                                  double jitter) {
    const double backoff = backoff_delay(policy, retries_done, jitter);
    if (!is_retryable_status(status) || retries_done >= policy.max_retries) return std::nullopt;
    if (!retry_after) return backoff;
    const auto asked = parse_retry_after(*retry_after, now_unix_seconds);
    if (!asked) return backoff;
    if (*asked > policy.max_retry_after) return std::nullopt;
    return std::max(backoff, *asked);
}

}  // namespace vitrine
