// `overleg inspect --png DIR`: each page drawn with its blocks outlined,
// coloured and labelled by role and reading order, so that a person sees at
// a glance what the tool understood (pdfplumber's visual debugging is the
// model). The drawing is extract's (pdf_render_outlines.h); this says what
// to draw.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "extract/pdf_render_outlines.h"
#include "model/block.h"

namespace overleg {

/// The colour a role is drawn in, 0xRRGGBB (one per role, told apart at a
/// glance; body text blue, section headings red, the title purple).
std::uint32_t role_colour(Role role);

/// One outline per block, in reading order: "<number> <role>" as its label.
std::vector<PageOutline> block_outlines(const std::vector<Block>& blocks);

/// The resolution the pictures are drawn at.
constexpr int kInspectPngDpi = 100;

}  // namespace overleg
