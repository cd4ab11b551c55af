#include "layout/links.h"

#include <algorithm>

#include "layout/lines.h"
#include "util/url.h"

namespace overleg {
namespace {

// The words whose middle lies inside the link's area, in reading order.
std::string anchor_text(const Page& page, const Rect& area) {
  Rect grown{area.x0 - 1, area.y0 - 1, area.x1 + 1, area.y1 + 1};
  std::vector<Box> inside;
  for (const Box& b : page.boxes)
    if (grown.contains(b.bbox.center_x(), b.bbox.center_y())) inside.push_back(b);
  std::string text;
  for (const Line& l : build_lines(std::move(inside))) text += (text.empty() ? "" : "\n") + l.text();
  return text;
}

}  // namespace

std::vector<LinkRef> collect_links(const std::vector<Page>& pages) {
  std::vector<LinkRef> out;
  for (const Page& page : pages) {
    for (const Link& link : page.links) {
      LinkRef ref{link.url, anchor_text(page, link.rect), page.number};
      // An anchor that wraps onto the next line is two areas with one URL;
      // they are joined by a line break, so that normalisation decides a
      // line-end hyphen there as it does in the text ("inschrij-" "ving").
      if (!out.empty() && out.back().url == ref.url && out.back().page == ref.page) {
        if (!ref.text.empty() && out.back().text.find(ref.text) == std::string::npos)
          out.back().text += (out.back().text.empty() ? "" : "\n") + ref.text;
        continue;
      }
      out.push_back(std::move(ref));
    }
    // URLs printed as text, unless an annotation already gives them.
    for (const Box& b : page.boxes) {
      if (!is_web_address(b.text)) continue;
      std::string word = strip_address_tail(b.text);
      bool known = std::any_of(out.begin(), out.end(), [&](const LinkRef& r) {
        return r.url == word || r.url.find(word) != std::string::npos;
      });
      if (!known) out.push_back({word, word, page.number});
    }
  }
  return out;
}

}  // namespace overleg
