// The damage generator of issue #11: small PDFs written byte by byte (with a
// correct cross-reference table unless damage is asked for) and damaged
// variants of real ones (truncated, bytes flipped, xref deleted, stream
// lengths and /Count wrong, MediaBoxes huge and tiny, many pages), plus image
// bombs as PNG and TIFF. Deterministic: the same call gives the same bytes.
#pragma once

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace overleg::test {

/// A PDF of `objects` (bodies of objects 1..n, "1 0 obj" added), catalog 1,
/// with a correct xref and trailer.
inline std::string make_pdf(const std::vector<std::string>& objects, const std::string& trailer_extra = "") {
  std::string out = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + trailer_extra + ">>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

/// A content stream object body.
inline std::string stream_object(const std::string& data, const std::string& extra = "") {
  return "<< /Length " + std::to_string(data.size()) + " " + extra + ">>\nstream\n" + data + "\nendstream";
}

/// One page of text ("Hallo wereld" and `text`) on a `mediabox` ("0 0 595 842"),
/// the page tree's /Count given by `count` (-1: right).
inline std::string text_pdf(const std::string& mediabox = "0 0 595 842", const std::string& text = "Thematisch overleg",
                            long long count = -1, int pages = 1) {
  std::string content = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
  std::vector<std::string> objs;
  objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(5 + i) + " 0 R ";
  objs.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(count < 0 ? pages : count) + " >>");
  objs.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  objs.push_back(stream_object(content));
  for (int i = 0; i < pages; ++i)
    objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [" + mediabox +
                   "] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>");
  return make_pdf(objs);
}

/// A PDF page showing one 1-bit image declared as `w` x `h` pixels, with a
/// 64-byte unfiltered stream (a decoder trusting the dictionary would
/// allocate w x h), on an A4 page.
inline std::string image_bomb_pdf(long long w, long long h) {
  std::vector<std::string> objs;
  objs.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objs.push_back("<< /Type /Pages /Kids [4 0 R] /Count 1 >>");
  objs.push_back(stream_object(std::string(64, '\xff'), "/Type /XObject /Subtype /Image /Width " + std::to_string(w) +
                                                            " /Height " + std::to_string(h) +
                                                            " /ColorSpace /DeviceGray /BitsPerComponent 1 "));
  objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 3 0 R >> >> "
                 "/Contents 5 0 R >>");
  objs.push_back(stream_object("q 595 0 0 842 0 0 cm /Im0 Do Q"));
  return make_pdf(objs);
}

/// Deterministic pseudo-random numbers for the mutations.
struct Lcg {
  std::uint32_t x;
  explicit Lcg(std::uint32_t seed) : x(seed) {}
  std::uint32_t next() { return x = x * 1103515245u + 12345u; }
};

/// `pdf` with `n` bytes (after the header) replaced by pseudo-random ones.
inline std::string flip_bytes(std::string pdf, int n, std::uint32_t seed) {
  Lcg r(seed);
  for (int i = 0; i < n && pdf.size() > 16; ++i) pdf[16 + r.next() % (pdf.size() - 16)] = static_cast<char>(r.next() >> 24);
  return pdf;
}

/// `pdf` without its last cross-reference table (the trailer is kept, so its
/// startxref points at the wrong bytes).
inline std::string delete_xref(const std::string& pdf) {
  auto at = pdf.rfind("\nxref");
  auto trailer = pdf.rfind("trailer");
  if (at == std::string::npos || trailer == std::string::npos || trailer < at) return pdf;
  return pdf.substr(0, at + 1) + pdf.substr(trailer);
}

/// `pdf` with every "/Length N" replaced by "/Length M" for M = N * 7 + 3.
inline std::string wrong_lengths(std::string pdf) {
  for (std::size_t at = pdf.find("/Length "); at != std::string::npos; at = pdf.find("/Length ", at + 8)) {
    std::size_t start = at + 8, end = start;
    while (end < pdf.size() && pdf[end] >= '0' && pdf[end] <= '9') ++end;
    if (end == start) continue;
    long long n = std::stoll(pdf.substr(start, end - start));
    pdf.replace(start, end - start, std::to_string(n * 7 + 3));
  }
  return pdf;
}

/// A PNG of `w` x `h` pixels, 1-bit grey, whose IDAT is one empty stored
/// deflate block: the header claims a size the data does not hold (an image
/// bomb checked from its header; a decoder would allocate w x h first).
inline std::string png_bomb(std::uint32_t w, std::uint32_t h, int bit_depth = 1, int colour_type = 0) {
  auto be32 = [](std::uint32_t v) {
    std::string s(4, '\0');
    for (int i = 0; i < 4; ++i) s[i] = static_cast<char>(v >> (24 - 8 * i));
    return s;
  };
  auto crc = [](const std::string& d) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char ch : d) {
      c ^= ch;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
  };
  auto chunk = [&](const std::string& type, const std::string& data) {
    return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc(type + data));
  };
  std::string ihdr = be32(w) + be32(h) + std::string(1, static_cast<char>(bit_depth)) +
                     std::string(1, static_cast<char>(colour_type)) + std::string("\0\0\0", 3);
  std::string idat("\x78\x01\x01\x00\x00\xff\xff\x00\x00\x00\x01", 11);  // zlib: one empty final stored block
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", idat) + chunk("IEND", "");
}

/// A little-endian TIFF of `w` x `h` pixels, 8-bit grey, uncompressed, whose
/// strip is far shorter than the header says.
inline std::string tiff_bomb(std::uint32_t w, std::uint32_t h) {
  auto le16 = [](std::uint16_t v) { return std::string{static_cast<char>(v & 0xff), static_cast<char>(v >> 8)}; };
  auto le32 = [](std::uint32_t v) {
    std::string s(4, '\0');
    for (int i = 0; i < 4; ++i) s[i] = static_cast<char>(v >> (8 * i));
    return s;
  };
  struct Tag { std::uint16_t id, type; std::uint32_t count, value; };
  std::vector<Tag> tags = {{256, 4, 1, w}, {257, 4, 1, h}, {258, 3, 1, 8}, {259, 3, 1, 1}, {262, 3, 1, 1},
                           {273, 4, 1, 8}, {277, 3, 1, 1}, {278, 4, 1, h}, {279, 4, 1, 16}};
  std::string out = "II" + le16(42) + le32(8 + 16);  // IFD after 16 bytes of "strip"
  out += std::string(16, '\x80');
  out += le16(static_cast<std::uint16_t>(tags.size()));
  for (const Tag& t : tags) {
    out += le16(t.id) + le16(t.type) + le32(t.count);
    out += t.type == 3 ? le16(static_cast<std::uint16_t>(t.value)) + le16(0) : le32(t.value);
  }
  out += le32(0);
  return out;
}

/// One generated input of the damage set.
struct DamagedInput {
  std::string name;   ///< file name, with the extension its kind calls for
  std::string bytes;
};

/// The damage set made from a real PDF `sample`: truncations at many
/// offsets, flipped bytes, the xref deleted, stream lengths and /Count wrong,
/// huge and tiny MediaBoxes, many pages, image bombs in a PDF and as
/// PNG/TIFF. (Encrypted variants need the qpdf command; the tests add them.)
inline std::vector<DamagedInput> damage_set(const std::string& sample, int many_pages = 2000) {
  std::vector<DamagedInput> out;
  for (int i = 1; i <= 12; ++i) {
    std::size_t at = sample.size() * static_cast<std::size_t>(i) / 13;
    out.push_back({"truncated-" + std::to_string(at) + ".pdf", sample.substr(0, at)});
  }
  out.push_back({"truncated-9.pdf", sample.substr(0, 9)});
  for (std::uint32_t seed = 1; seed <= 8; ++seed)
    out.push_back({"flipped-" + std::to_string(seed) + ".pdf", flip_bytes(sample, 4 + static_cast<int>(seed) * 8, seed)});
  out.push_back({"no-xref.pdf", delete_xref(sample)});
  out.push_back({"wrong-lengths.pdf", wrong_lengths(sample)});
  out.push_back({"no-header.pdf", sample.substr(sample.find('\n') + 1)});
  out.push_back({"wrong-count.pdf", text_pdf("0 0 595 842", "Thematisch overleg", 9999999999LL, 2)});
  out.push_back({"zero-count.pdf", text_pdf("0 0 595 842", "Thematisch overleg", 0, 2)});
  out.push_back({"mediabox-sliver.pdf", text_pdf("0 0 0.00000001 14400", "")});
  out.push_back({"mediabox-tiny.pdf", text_pdf("0 0 1 1", "x")});
  out.push_back({"mediabox-huge.pdf", text_pdf("0 0 14400 14400", "")});
  out.push_back({"mediabox-absurd.pdf", text_pdf("0 0 1e30 1e30", "")});
  out.push_back({"mediabox-inverted.pdf", text_pdf("595 842 0 0", "Thematisch overleg")});
  out.push_back({"many-pages.pdf", text_pdf("0 0 595 842", "Thematisch overleg", -1, many_pages)});
  out.push_back({"image-bomb.pdf", image_bomb_pdf(200000, 200000)});
  // Just under what is drawn (render_limits.h, kMaxDrawnImagePixels): drawn,
  // so slow to render (seconds); what a per-document timeout is for.
  out.push_back({"image-slow.pdf", image_bomb_pdf(40000, 48000)});
  out.push_back({"bomb-1bit.png", png_bomb(40000, 40000, 1, 0)});
  out.push_back({"bomb-rgb.png", png_bomb(20000, 20000, 8, 2)});
  out.push_back({"bomb.tif", tiff_bomb(40000, 40000)});
  return out;
}

/// Runs `command` with /bin/sh in a forked process of its own and returns the
/// peak resident set of the largest process it ran, in KiB (getrusage of the
/// fork's children: the test process's own history does not count), or -1.
inline long peak_rss_kib(const std::string& command) {
  int fds[2];
  if (::pipe(fds) != 0) return -1;
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    int rc = std::system(command.c_str());
    (void)rc;
    struct rusage ru {};
    ::getrusage(RUSAGE_CHILDREN, &ru);
    long kib = ru.ru_maxrss;
    ssize_t w = ::write(fds[1], &kib, sizeof kib);
    (void)w;
    ::_exit(0);
  }
  ::close(fds[1]);
  long kib = -1;
  if (pid > 0) {
    if (::read(fds[0], &kib, sizeof kib) != static_cast<ssize_t>(sizeof kib)) kib = -1;
    int status = 0;
    ::waitpid(pid, &status, 0);
  }
  ::close(fds[0]);
  return kib;
}

}  // namespace overleg::test
