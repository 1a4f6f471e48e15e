#pragma once
/// @file export.hpp  RASD_EXPORT: what rasd's libraries offer to embedding programs.
///
/// rasd's libraries are compiled with hidden symbol visibility (-fvisibility=hidden
/// -fvisibility-inlines-hidden), so a shared build exports only what include/rasd/ declares with
/// RASD_EXPORT; internals stay private and the libraries load faster. Exception classes carry
/// the macro too, so that a `catch` in a program matches what the library throws. On ELF the
/// same attribute serves when building and when using the libraries, and it is harmless in a
/// static build, so one macro covers rasd_engine and rasd_analysis alike.

///
/// RASD_NO_EXPORT marks the private implementation (`Impl`) of an exported class where it is
/// defined: a nested class takes its enclosing class's visibility, so its out-of-line members
/// would otherwise be exported too.

#if defined(__GNUC__) || defined(__clang__)
#define RASD_EXPORT __attribute__((visibility("default")))
#define RASD_NO_EXPORT __attribute__((visibility("hidden")))
#else
#define RASD_EXPORT
#define RASD_NO_EXPORT
#endif
