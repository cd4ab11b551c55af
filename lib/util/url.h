// URL: telling web and e-mail addresses in printed words ("www.brusano.brussels",
// "https://...", "info@zorgzone-zuid.brussels", "+32 2 ..."), the one place
// layout, roles, links and repair ask. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace overleg {

/// Is `word` a web address (http(s)://... or www.x.y), trailing punctuation
/// ignored?
bool is_web_address(std::string_view word);

/// `word` without the punctuation that closes a sentence or a bracket after
/// an address ("www.x.be)." -> "www.x.be").
std::string strip_address_tail(std::string_view word);

/// Does `word` hold an e-mail address (a '@' between letters)?
bool is_email_address(std::string_view word);

/// Does `word` look like an international phone number ("+32", "+3225...")?
bool is_phone_number(std::string_view word);

/// Any of the three: a word of a contact line.
bool is_contact_word(std::string_view word);

}  // namespace overleg
