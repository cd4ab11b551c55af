// Compiled by the `house:*` tests against one stage's include view with
// OVERLEG_PROBE naming a header of a folder that stage may not use: the
// compile must fail, which is what makes the folder rule of lib/CMakeLists.txt
// a property of the build rather than of review. The same file with a header
// the stage may use must compile (the control case), so that a failure means
// "not visible", not "broken probe".
#include OVERLEG_PROBE

int main() { return 0; }
