// curl_transport.cpp — one HTTP exchange through a reused libcurl easy handle.
// See vitrine/native/curl_transport.hpp for what it does and refuses.
#include "vitrine/native/curl_transport.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>
#include <vector>

namespace vitrine::native {
namespace {

// Bodies past the caller's cap abort the transfer instead of filling memory.
struct Receiver {
    HttpResponse* response;
    std::size_t max_bytes;
    bool over_limit = false;
};

// A request that carries credentials goes to its own URL only: a redirect would take the
// Authorization header (the API key) to whatever host the Location names.
bool carries_credentials(const HttpRequest& request) {
    for (const HttpHeader& h : request.headers) {
        std::string name = h.name;
        std::transform(name.begin(), name.end(), name.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
        if (name == "authorization" || name == "proxy-authorization" || name == "cookie") return true;
    }
    return false;
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* receiver = static_cast<Receiver*>(user);
    const std::size_t bytes = size * count;
    if (receiver->response->body.size() + bytes > receiver->max_bytes) {
        receiver->over_limit = true;
        return 0;  // makes curl stop with CURLE_WRITE_ERROR
    }
    receiver->response->body.append(data, bytes);
    return bytes;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    return text;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* receiver = static_cast<Receiver*>(user);
    const std::size_t bytes = size * count;
    const std::string_view line(data, bytes);
    // A new status line starts a new response (redirect, 100 Continue): forget the last one's headers.
    if (line.rfind("HTTP/", 0) == 0) {
        receiver->response->headers.clear();
        return bytes;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) return bytes;
    std::string name(trim(line.substr(0, colon)));
    std::transform(name.begin(), name.end(), name.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    receiver->response->headers[name] = std::string(trim(line.substr(colon + 1)));
    return bytes;
}

struct HeaderList {
    curl_slist* list = nullptr;
    ~HeaderList() { curl_slist_free_all(list); }
    void add(const std::string& line) {
        curl_slist* grown = curl_slist_append(list, line.c_str());
        if (grown == nullptr) throw NetworkError("out of memory building request headers", false);
        list = grown;
    }
};

void initialise_curl_once() {
    static std::once_flag once;
    static CURLcode result = CURLE_OK;
    std::call_once(once, [] { result = curl_global_init(CURL_GLOBAL_DEFAULT); });
    if (result != CURLE_OK) throw NetworkError(std::string("cannot initialise libcurl: ") + curl_easy_strerror(result), false);
}

}  // namespace

// Easy handles not in use; a call takes one (or makes one) and gives it back, so
// concurrent calls each have their own and keep-alive connections are reused.
struct CurlTransport::Handles {
    std::mutex mutex;
    std::vector<CURL*> idle;

    ~Handles() {
        for (CURL* curl : idle) curl_easy_cleanup(curl);
    }
};

namespace {

class Lease {
public:
    explicit Lease(CurlTransport::Handles& handles) : handles_(handles) {
        const std::lock_guard lock(handles_.mutex);
        if (!handles_.idle.empty()) {
            curl_ = handles_.idle.back();
            handles_.idle.pop_back();
        }
    }
    ~Lease() {
        if (curl_ == nullptr) return;
        const std::lock_guard lock(handles_.mutex);
        handles_.idle.push_back(curl_);
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    CURL* get() {
        if (curl_ == nullptr) curl_ = curl_easy_init();
        if (curl_ == nullptr) throw NetworkError("cannot create a libcurl handle", false);
        return curl_;
    }

private:
    CurlTransport::Handles& handles_;
    CURL* curl_ = nullptr;
};

}  // namespace

std::optional<std::string> HttpResponse::header(std::string_view lower_case_name) const {
    const auto it = headers.find(std::string(lower_case_name));
    if (it == headers.end()) return std::nullopt;
    return it->second;
}

CurlTransport::CurlTransport() : handles_(std::make_unique<Handles>()) {
    initialise_curl_once();
    Lease first(*handles_);
    first.get();
}

CurlTransport::~CurlTransport() = default;

HttpResponse CurlTransport::perform(const HttpRequest& request) {
    Lease lease(*handles_);
    CURL* curl = lease.get();
    // reset clears the options but keeps the connection cache, so keep-alive works across calls.
    curl_easy_reset(curl);

    HttpResponse response;
    Receiver receiver{&response, request.max_response_bytes};
    HeaderList headers;
    for (const HttpHeader& h : request.headers) headers.add(h.name + ": " + h.value);
    headers.add("Expect:");  // no 100-continue round trip before large bodies

    char error_text[CURL_ERROR_SIZE] = {};
    const long timeout_ms = static_cast<long>(std::max<std::chrono::milliseconds::rep>(1, request.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, std::min(timeout_ms, 10'000L));
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_text);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.list);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &receiver);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &receiver);
    if (request.method == "POST") {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    } else if (request.method == "GET") {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
        if (!carries_credentials(request)) {
            curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
            curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
            curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        }
    } else {
        throw NetworkError("unsupported HTTP method " + request.method, false);
    }

    const CURLcode code = curl_easy_perform(curl);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);  // the list dies with this scope
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
    if (receiver.over_limit)
        throw NetworkError("the response is larger than " + std::to_string(request.max_response_bytes) + " bytes", false);
    if (code != CURLE_OK) {
        const std::string detail = error_text[0] != '\0' ? error_text : curl_easy_strerror(code);
        if (code == CURLE_OPERATION_TIMEDOUT)
            throw NetworkError("timed out after " + std::to_string(timeout_ms) + " ms (" + detail + ")", true);
        if (code == CURLE_PARTIAL_FILE) throw NetworkError("the response body was cut short (" + detail + ")", false);
        throw NetworkError(detail, false);
    }
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.status = static_cast<int>(status);
    return response;
}

}  // namespace vitrine::native
