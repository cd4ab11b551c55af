#include "extract/tesseract/quiet_jpeg.h"

#include <dlfcn.h>
#include <leptonica/allheaders.h>

#include <csetjmp>
#include <cstdio>
// libjpeg's types only: its functions are looked up at run time (see
// QuietJpeg), so that the module needs no link dependency of its own.
#include <jpeglib.h>

#include <cmath>
#include <type_traits>
#include <vector>

namespace overleg {
namespace {

// --- Decoding JPEGs without libjpeg's voice. libjpeg reports damaged data
// ("Corrupt JPEG data: premature end of data segment") through an error
// manager that prints to stderr; Leptonica uses libjpeg's default one, and
// this is the one message a clean marker structure cannot rule out. So a
// JPEG is decoded here with libjpeg itself and an error manager that counts
// warnings instead. libjpeg is already in the process (Leptonica, poppler and
// Tesseract link it); its functions are looked up with dlsym, so the module
// needs no link dependency of its own (RTLD_DEFAULT from a module searches
// the module's own dependencies too, Leptonica's libjpeg among them, as
// well as the process's). Without them (not expected) Leptonica
// decodes the file. CMYK JPEGs also go to Leptonica: libjpeg does not turn
// them into grey.
struct QuietJpeg {
  decltype(&jpeg_std_error) std_error = nullptr;
  decltype(&jpeg_CreateDecompress) create = nullptr;
  decltype(&jpeg_mem_src) mem_src = nullptr;
  decltype(&jpeg_read_header) read_header = nullptr;
  decltype(&jpeg_start_decompress) start = nullptr;
  decltype(&jpeg_read_scanlines) read_scanlines = nullptr;
  decltype(&jpeg_finish_decompress) finish = nullptr;
  decltype(&jpeg_destroy_decompress) destroy = nullptr;

  bool available() const {
    return std_error && create && mem_src && read_header && start && read_scanlines && finish && destroy;
  }
  static const QuietJpeg& get() {
    static const QuietJpeg api = [] {
      QuietJpeg a;
      auto find = [](auto& fn, const char* name) {
        fn = reinterpret_cast<std::decay_t<decltype(fn)>>(::dlsym(RTLD_DEFAULT, name));
      };
      find(a.std_error, "jpeg_std_error");
      find(a.create, "jpeg_CreateDecompress");
      find(a.mem_src, "jpeg_mem_src");
      find(a.read_header, "jpeg_read_header");
      find(a.start, "jpeg_start_decompress");
      find(a.read_scanlines, "jpeg_read_scanlines");
      find(a.finish, "jpeg_finish_decompress");
      find(a.destroy, "jpeg_destroy_decompress");
      return a;
    }();
    return api;
  }
};

struct QuietJpegError {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
};

extern "C" void quiet_jpeg_error_exit(j_common_ptr cinfo) {
  std::longjmp(reinterpret_cast<QuietJpegError*>(cinfo->err)->jump, 1);
}
// Warnings (level -1) are counted by libjpeg in num_warnings; trace messages
// are dropped; nothing is written.
extern "C" void quiet_jpeg_emit(j_common_ptr cinfo, int level) {
  if (level < 0) ++cinfo->err->num_warnings;
}
extern "C" void quiet_jpeg_output(j_common_ptr) {}

}  // namespace

JpegDecode decode_jpeg_quietly(const std::string& bytes, Pix** out, long& warnings) {
  const QuietJpeg& api = QuietJpeg::get();
  if (!api.available()) return JpegDecode::not_here;
  // Everything the error path touches lives before setjmp, and nothing with
  // a destructor is created between setjmp and the end of decoding.
  jpeg_decompress_struct cinfo{};
  QuietJpegError err{};
  std::vector<JSAMPLE> row;
  Pix* volatile pix = nullptr;
  volatile bool created = false;
  cinfo.err = api.std_error(&err.mgr);
  err.mgr.error_exit = quiet_jpeg_error_exit;
  err.mgr.emit_message = quiet_jpeg_emit;
  err.mgr.output_message = quiet_jpeg_output;
  if (setjmp(err.jump)) {
    warnings = err.mgr.num_warnings;
    Pix* partial = pix;
    if (partial) pixDestroy(&partial);
    if (created) api.destroy(&cinfo);
    return JpegDecode::failed;
  }
  api.create(&cinfo, JPEG_LIB_VERSION, sizeof cinfo);
  created = true;
  api.mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  api.read_header(&cinfo, TRUE);
  if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
    api.destroy(&cinfo);
    return JpegDecode::not_here;
  }
  cinfo.out_color_space = JCS_GRAYSCALE;
  api.start(&cinfo);
  pix = pixCreate(static_cast<l_int32>(cinfo.output_width), static_cast<l_int32>(cinfo.output_height), 8);
  if (!pix) {
    api.destroy(&cinfo);
    return JpegDecode::failed;
  }
  row.resize(cinfo.output_width);
  l_uint32* data = pixGetData(pix);
  int wpl = pixGetWpl(pix);
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW rows[1] = {row.data()};
    JDIMENSION y = cinfo.output_scanline;
    if (api.read_scanlines(&cinfo, rows, 1) != 1) break;
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (JDIMENSION x = 0; x < cinfo.output_width; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  if (cinfo.density_unit == 1) pixSetResolution(pix, cinfo.X_density, cinfo.Y_density);
  if (cinfo.density_unit == 2)
    pixSetResolution(pix, std::lround(cinfo.X_density * 2.54), std::lround(cinfo.Y_density * 2.54));
  api.finish(&cinfo);
  api.destroy(&cinfo);
  warnings = err.mgr.num_warnings;
  *out = pix;
  return JpegDecode::done;
}


}  // namespace overleg
