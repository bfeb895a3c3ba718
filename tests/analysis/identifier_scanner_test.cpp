#include "dossier/analysis/identifier_scanner.h"

#include <catch2/catch.hpp>

#include "unicode_spaces.h"

namespace {

using dossier::analysis::find_identifiers;
using dossier::analysis::IdentifierKind;

// "kind:canonical" for each identifier found, space separated; "(inside)" after one found inside
// a run that is no identifier.
std::string scan(std::string_view text) {
  std::string out;
  for (const auto& span : find_identifiers(text)) {
    if (!out.empty()) out += ' ';
    out += std::string(dossier::analysis::identifier_kind_name(span.kind)) + ":" + span.canonical;
    if (span.placement == dossier::analysis::IdentifierPlacement::Inside) out += "(inside)";
  }
  return out;
}

// The parts of the first identifier in `text`: "word@offset", or "kind:canonical@offset" for an
// identifier inside it.
std::string parts_of(std::string_view text) {
  const auto spans = find_identifiers(text);
  if (spans.empty()) return "(none)";
  std::string out;
  for (const auto& part : spans.front().parts) {
    if (!out.empty()) out += ' ';
    if (part.identifier) out += std::string(dossier::analysis::identifier_kind_name(*part.identifier)) + ":";
    out += part.canonical + "@" + std::to_string(part.offset);
  }
  return out + " (" + std::to_string(spans.front().words) + " words)";
}

}  // namespace

TEST_CASE("CVE ids are found in any case and canonicalised to lower case", "[identifiers]") {
  CHECK(scan("patch CVE-2023-27997 and cve-2024-21762.") == "cve:cve-2023-27997 cve:cve-2024-21762");
  CHECK(scan("CVE-23-1 CVE-2023-12") == "");
}

TEST_CASE("IPv4 addresses need four octets up to 255", "[identifiers]") {
  CHECK(scan("from 203.0.113.77, to 198.51.100.23:8443") == "ipv4:203.0.113.77 ipv4:198.51.100.23");
  CHECK(scan("version 1.2.3.456 and 1.2.3") == "");
}

TEST_CASE("IPv6 addresses are validated and compressed", "[identifiers]") {
  CHECK(scan("c2 at 2001:DB8:4006:812:0:0:0:200E.") == "ipv6:2001:db8:4006:812::200e");
  CHECK(scan("fe80::1 and ::ffff:192.0.2.1") == "ipv6:fe80::1 ipv6:::ffff:192.0.2.1");
  CHECK(scan("at 10:30:00 today") == "");
}

TEST_CASE("domains need an alphabetic top-level label written in one case", "[identifiers]") {
  CHECK(scan("evil.example.com EXAMPLE.ORG Etterretningstjenesten.no") ==
        "domain:evil.example.com domain:example.org domain:etterretningstjenesten.no");
  CHECK(scan("present.We e.g. U.S. file.v2 3.14") == "");
}

TEST_CASE("defanged dots are restored and offsets cover the raw text", "[identifiers]") {
  const std::string text = "see cdn-telemetry[.]example(.)org now";
  const auto spans = find_identifiers(text);
  REQUIRE(spans.size() == 1);
  CHECK(spans[0].canonical == "cdn-telemetry.example.org");
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "cdn-telemetry[.]example(.)org");
  CHECK(parts_of(text) == "cdn@0 telemetry@1 example@2 org@3 (4 words)");
  REQUIRE(spans[0].parts.size() == 4);
  CHECK(text.substr(spans[0].parts[2].begin, spans[0].parts[2].end - spans[0].parts[2].begin) == "example");
}

TEST_CASE("a file name or domain has its words, and any CVE id in it, as parts", "[identifiers]") {
  CHECK(parts_of("norway-2024-threat-assessment.txt") ==
        "norway@0 2024@1 threat@2 assessment@3 txt@4 (5 words)");
  CHECK(parts_of("Log4j-CVE-2021-44228-Hotpatch.zip") ==
        "log4j@0 cve@1 cve:cve-2021-44228@1 2021@2 44228@3 hotpatch@4 zip@5 (6 words)");
  CHECK(parts_of("CVE-2021-44228") == "cve@0 2021@1 44228@2 (3 words)");
  CHECK(parts_of("203.0.113.77 and 2001:db8::1") == " (1 words)");
  CHECK(parts_of("098f6bcd4621d373cade4e832627b4f6") == " (1 words)");
}

TEST_CASE("identifiers inside a run that is none are found inside it", "[identifiers]") {
  CHECK(scan("log4j-cve-2021-44228-hotpatch-1.3.5") == "cve:cve-2021-44228(inside)");
  CHECK(scan("hotpatch_CVE-2021-44228 see:cve-2022-22965") ==
        "cve:cve-2021-44228(inside) cve:cve-2022-22965(inside)");
  CHECK(scan("098f6bcd4621d373cade4e832627b4f6_payload.exe") == "domain:payload.exe(inside)");
  CHECK(scan("scan 10.0.0.1-10.0.0.255 from foo_bar.example.com") ==
        "ipv4:10.0.0.1(inside) ipv4:10.0.0.255(inside) domain:bar.example.com(inside)");
  // Not a CVE id: a glued letter, a short number, no hyphens.
  CHECK(scan("xcve-2021-44228-a cve-2021-123-x cve_2021_44228_a") == "");
}

TEST_CASE("a run longer than any identifier is not searched", "[identifiers]") {
  std::string run;
  for (int i = 0; i < 200; ++i)
    run += "cve-2021-44228-";
  CHECK(scan(run) == "");
  CHECK(scan(run.substr(0, 150)) != "");
}

TEST_CASE("hashes are recognised by length and need a digit", "[identifiers]") {
  CHECK(scan("098f6bcd4621d373cade4e832627b4f6") == "md5:098f6bcd4621d373cade4e832627b4f6");
  CHECK(scan("a94a8fe5ccb19ba61c4c0873d391e987982fbbd3") == "sha1:a94a8fe5ccb19ba61c4c0873d391e987982fbbd3");
  CHECK(scan(std::string(64, 'a') + " " + std::string(63, '1')) == "");
  CHECK(find_identifiers(std::string(64, '7')).front().kind == IdentifierKind::Sha256);
  CHECK(find_identifiers(std::string(128, '7')).front().kind == IdentifierKind::Sha512);
}

TEST_CASE("a candidate glued to a Latin letter is part of a word, not an identifier", "[identifiers]") {
  CHECK(scan("\u00e9evil.example.com") == "");
  CHECK(scan("evil.example.com\u00e9") == "");
  CHECK(scan("地址203.0.113.77。") == "ipv4:203.0.113.77");
}

TEST_CASE("trailing sentence punctuation is not part of an identifier", "[identifiers]") {
  const std::string text = "Visit evil.example.com.";
  const auto spans = find_identifiers(text);
  REQUIRE(spans.size() == 1);
  CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "evil.example.com");
}

TEST_CASE("hostile input is scanned without error", "[identifiers]") {
  CHECK(scan(std::string(100'000, '.')) == "");
  CHECK(scan(std::string(100'000, '[')) == "");
  CHECK(scan(std::string("\xff\xfe[.]a[.]b", 10)).empty());
  CHECK(find_identifiers(std::string(300, 'a') + ".com").empty());
}

TEST_CASE("every Unicode space around an identifier is a boundary, never part of it", "[identifiers]") {
  for (const auto& space : dossier::testing::word_separating_spaces()) {
    INFO(space.name);
    const std::string text = "see" + space.utf8 + "evil[.]example[.]com" + space.utf8 + ":" + space.utf8 +
                             "CVE-2021-44228" + space.utf8 + "203.0.113.77" + space.utf8;
    CHECK(scan(text) == "domain:evil.example.com cve:cve-2021-44228 ipv4:203.0.113.77");
    const auto spans = find_identifiers(text);
    REQUIRE(spans.size() == 3);
    CHECK(text.substr(spans[0].begin, spans[0].end - spans[0].begin) == "evil[.]example[.]com");
  }
}
