// Spool: finished records of `-o FILE` kept on disk while they wait for
// their turn, and what --resume recovers of killed or interrupted runs.
//
// Why: records go to -o FILE in input order, so one slow document holds back
// every record finished after it. Held only in memory they would be lost
// with the process (SIGKILL, out of memory, a node taken away). So a record
// that finishes while an earlier input is still being converted is written
// at once, atomically, to FILE.spool/<record name>.json; when its turn comes
// it is appended to FILE's temporary and its spool file removed ("merged").
// Records appended to the temporary survive a SIGKILL in the temporary itself
// (written, not yet renamed). `--resume` then recovers every whole record
// from: FILE (left by an earlier finished or interrupted run), temporaries
// FILE.tmp-* of processes that no longer run, and the spool; inputs whose
// record it finds there with the same source.path and source.sha256 are not
// converted again but copied into the new FILE in their place. Old
// temporaries are kept until the new FILE is committed, so a resumed run that
// is killed in turn loses nothing either; then they and the spool go.
//
// Thread-safety: Spool::put() and remove() may be called from any thread for
// distinct inputs; RecoveredRecords is filled before the batch and only read
// during it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "batch/inputs.h"
#include "model/diagnostic.h"

namespace overleg {

class Spool {
 public:
  /// The spool of -o `output`: the folder `output`.spool next to it.
  explicit Spool(const std::string& output);

  const std::string& folder() const { return folder_; }
  /// Where `input`'s record waits: FOLDER/<input.output>.json.
  std::string path_of(const BatchInput& input) const;
  /// Writes `record` (JSON text) atomically; fails with ErrorKind::io.
  Result<bool> put(const BatchInput& input, const std::string& record) const;
  /// Removes `input`'s spool file, if any (after its record was merged).
  void remove(const BatchInput& input) const;
  /// Removes the spool files of `inputs` and then every folder of the spool
  /// left empty (never a file overleg did not write there).
  void clear(const std::vector<BatchInput>& inputs) const;

 private:
  std::string folder_;
};

/// Whole records found in earlier runs' output streams and spool.
class RecoveredRecords {
 public:
  /// Reads every whole record of a JSON Lines file or of one JSON array
  /// (also cut short: a record cut in the middle, and all after it, are
  /// ignored); a missing file adds nothing. Returns how many it found.
  std::size_t scan_stream(const std::string& file);
  /// Reads the spool file of each input (a record that parses).
  std::size_t scan_spool(const Spool& spool, const std::vector<BatchInput>& inputs);

  /// The text of a recovered record of `input` whose source.sha256 is
  /// `sha256` and whose source.path (source.path_bytes when present) is
  /// input.path; nullopt when there is none (or it can no longer be read).
  std::optional<std::string> find(const BatchInput& input, const std::string& sha256) const;
  std::size_t size() const { return by_key_.size(); }

 private:
  struct Where {
    std::string file;
    std::uint64_t offset = 0, length = 0;
  };
  void add(const std::string& path, const std::string& sha256, Where where);
  std::map<std::string, Where> by_key_;  // key: path bytes + '\0' + sha256
};

/// The temporaries next to `target` (FILE.tmp-<host>-<pid>-<n>) of writers
/// that are no longer running on this machine, or run on another host (its
/// process cannot be checked from here; a shard's -o FILE is its own).
std::vector<std::string> dead_temporaries_of(const std::string& target);

}  // namespace overleg
