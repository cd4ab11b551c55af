#include "model/page.h"

namespace overleg {

const char* to_string(PageMethod method) {
  switch (method) {
    case PageMethod::text: return "text";
    case PageMethod::ocr: return "ocr";
    case PageMethod::none: return "none";
  }
  return "none";
}

}  // namespace overleg
