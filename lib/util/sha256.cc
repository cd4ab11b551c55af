#include "util/sha256.h"

#include <qpdf/QPDFCryptoProvider.hh>
#include <qpdf/QUtil.hh>

namespace overleg {

std::string sha256_hex(std::string_view bytes) {
  // qpdf's crypto provider (already a dependency for annotations) has SHA-2.
  auto impl = QPDFCryptoProvider::getImpl();
  impl->SHA2_init(256);
  impl->SHA2_update(reinterpret_cast<unsigned char const*>(bytes.data()), bytes.size());
  impl->SHA2_finalize();
  return QUtil::hex_encode(impl->SHA2_digest());
}

}  // namespace overleg
