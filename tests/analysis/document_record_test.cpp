#include "dossier/analysis/document_record.h"

#include <catch2/catch.hpp>
#include <stdexcept>

using dossier::analysis::decode_record;
using dossier::analysis::DocumentRecord;
using dossier::analysis::encode_record;

TEST_CASE("a record survives encoding, binary path and all", "[document_record]") {
  DocumentRecord record;
  record.path = std::string("/reports/bad\xff\nname.txt", 22);
  record.title = "Covert Operations in Europe";
  record.format = "txt";
  record.size = 7434;
  record.mtime_ns = 1'710'000'000'123'456'789;
  record.content_digest = "0123456789abcdef0123456789abcdef";
  record.text = std::string("line one\nline two\0end", 22);
  const DocumentRecord copy = decode_record(encode_record(record));
  CHECK(copy.path == record.path);
  CHECK(copy.title == record.title);
  CHECK(copy.format == record.format);
  CHECK(copy.size == record.size);
  CHECK(copy.mtime_ns == record.mtime_ns);
  CHECK(copy.content_digest == record.content_digest);
  CHECK(copy.text == record.text);
}

TEST_CASE("fields a newer writer added are skipped", "[document_record]") {
  DocumentRecord record;
  record.title = "t";
  std::string data = encode_record(record);
  data += std::string("\x7f\x03xyz", 5);  // unknown tag 127, three bytes
  CHECK(decode_record(data).title == "t");
}

TEST_CASE("damaged records are refused with an exception", "[document_record]") {
  DocumentRecord record;
  record.text = "some text";
  const std::string data = encode_record(record);
  CHECK_THROWS_AS(decode_record(data.substr(0, data.size() - 3)), std::runtime_error);
  CHECK_THROWS_AS(decode_record("omindex sample=..."), std::runtime_error);
  CHECK_THROWS_AS(decode_record(""), std::runtime_error);
}

TEST_CASE("metadata fields survive encoding and stay absent when empty", "[document_record]") {
  DocumentRecord record;
  record.author = "Britt Verregghen";
  record.date = "2024-03";
  record.description = "Covert operations";
  record.keywords = {"MSS", "espionage"};
  record.canonical_url = "https://example.org/a";
  record.language = "en";
  record.page_starts = {120, 4000, 1u << 20};
  const DocumentRecord copy = decode_record(encode_record(record));
  CHECK(copy.author == record.author);
  CHECK(copy.date == record.date);
  CHECK(copy.description == record.description);
  CHECK(copy.keywords == record.keywords);
  CHECK(copy.canonical_url == record.canonical_url);
  CHECK(copy.language == record.language);
  CHECK(copy.page_starts == record.page_starts);
  CHECK(encode_record(DocumentRecord{}).size() < 20);
}
