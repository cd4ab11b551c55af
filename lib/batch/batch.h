// Batch: many documents converted on a pool of worker threads, delivered to
// the caller in input order, with a bounded number in flight, a per-document
// deadline, --resume and a run summary. One bad document never stops a batch.
//
// Thread-safety: run_batch() is called from one thread; it calls `deliver`
// and the ProgressSink on that thread only. `make_converter`, `render` and
// `already_done` run on worker threads and must be safe to call concurrently
// (each worker calls make_converter for a converter it alone uses).
//
// Timeouts: a conversion cannot be interrupted safely from outside (Poppler,
// Tesseract), so each worker hands the document to an engine thread that owns
// the worker's converter and waits for it with a deadline. When the deadline
// passes the document is reported as failed (ErrorKind::timeout), the engine
// thread is abandoned (detached; it ends by itself when the conversion
// returns, and its late result is dropped) and the worker starts a fresh
// engine with a fresh converter. BatchSummary::abandoned counts such threads:
// while any may still run, the process should end with std::_Exit after
// flushing its output rather than run static destructors under them.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "batch/engine.h"
#include "batch/isolate.h"
#include "batch/inputs.h"
#include "batch/progress.h"
#include "model/diagnostic.h"
#include "model/report.h"

namespace overleg {

enum class DocumentStatus { converted, failed, skipped, cancelled };

/// "converted", "failed", "skipped" or "cancelled", as in --report.
const char* to_string(DocumentStatus status);

/// What happened to one input.
struct DocumentOutcome {
  std::size_t index = 0;  ///< into the inputs given to run_batch
  std::string path;
  std::string sha256;     ///< of the input bytes ("" when they could not be read)
  DocumentStatus status = DocumentStatus::cancelled;
  Failure failure;        ///< when failed or cancelled
  double seconds = 0;     ///< wall time of reading + converting + rendering
  int pages = 0;
  int ocr_pages = 0;      ///< pages whose text came from OCR
  std::string output;     ///< the rendered record (converted only; cleared after delivery)
  bool written = false;   ///< on_finished put the record in its final place already
};

struct BatchOptions {
  int jobs = 1;                  ///< worker threads (>= 1)
  std::size_t window = 0;        ///< documents converted ahead of the next to deliver; 0: 4 x jobs
  double timeout_seconds = 120;  ///< per document; <= 0: no deadline
  /// Makes a worker's converter; called on the worker's engine thread, once per
  /// engine (again after a timeout replaced it).
  std::function<DocumentConverter()> make_converter;
  /// Renders a converted Report (on a worker thread, so that rendering runs in
  /// parallel and only the text is held until delivery).
  std::function<std::string(const Report&)> render;
  /// --resume: true when the input (with these bytes) needs no conversion.
  std::function<bool(const BatchInput&, const std::string& sha256)> already_done;
  /// Called on the worker thread as soon as a document is finished (any
  /// status), before it waits for its turn; `waiting` is true when an earlier
  /// input has not been delivered yet. Must be safe to call concurrently for
  /// distinct documents. It may set `written` (and clear `output`). A Failure
  /// (a write that failed) makes the document failed with it and stops the
  /// batch as a failed `deliver` does (output_failed).
  std::function<Result<bool>(DocumentOutcome&, bool waiting)> on_finished;
  /// Non-empty: each document is converted by a child process running this
  /// command (batch/isolate.h) instead of a converter thread; make_converter
  /// and render are then unused (the child renders).
  ChildCommand isolate;
  /// Set (e.g. by a signal handler) to stop: no new documents start, documents
  /// being converted are discarded, finished ones are still delivered.
  const std::atomic<bool>* stop = nullptr;
  ProgressSink* progress = nullptr;
};

struct BatchSummary {
  std::size_t total = 0, converted = 0, failed = 0, skipped = 0, cancelled = 0;
  std::size_t pages = 0, ocr_pages = 0;
  double seconds = 0;
  bool interrupted = false;     ///< stopped by BatchOptions::stop
  bool missing_data = false;    ///< a document failed with missing_data; the batch stopped
  bool output_failed = false;   ///< deliver returned false; the batch stopped
  std::size_t abandoned = 0;    ///< engine threads left running after a timeout or stop
  std::vector<DocumentOutcome> rows;  ///< one per input, in input order (output cleared)
};

/// The pages of a converted document, as counted in a DocumentOutcome: all,
/// and those whose text came from OCR.
int page_count(const Report& report);
int ocr_page_count(const Report& report);

/// Converts `inputs`; calls `deliver` for each finished document in input
/// order (converted, failed and skipped alike) on the calling thread. When
/// `deliver` returns false (e.g. the record could not be written) the batch
/// stops as for BatchOptions::stop and sets output_failed; `deliver` may
/// first mark the outcome failed (status and failure), and the summary
/// counts it as it stands after `deliver`.
BatchSummary run_batch(const std::vector<BatchInput>& inputs, const BatchOptions& options,
                       const std::function<bool(DocumentOutcome&)>& deliver);

}  // namespace overleg
