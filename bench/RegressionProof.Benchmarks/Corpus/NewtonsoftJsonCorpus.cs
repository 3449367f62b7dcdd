using System;
using System.IO;
using Microsoft.CodeAnalysis;

namespace RegressionProof.Benchmarks.Corpus;

/// <summary>
/// The corpus: Json.NET (github.com/JamesNK/Newtonsoft.Json), its library and its test project
/// as their net8.0 builds compile them. Its tests use xunit on net8.0 (DNXCORE50 maps NUnit's
/// names onto xunit's), so xunit.analyzers has real tests to analyze. The checkout is not part of
/// this repository: docs/performance.md says which commit and how to get it.
/// </summary>
internal static class NewtonsoftJsonCorpus
{
    public const string Repository = "https://github.com/JamesNK/Newtonsoft.Json";

    public const string Commit = "09bb545d72969ad7fb4ea07db0d5c34f4fc07877";

    // DefineConstants of Src/Newtonsoft.Json/Newtonsoft.Json.csproj for net8.0, as they are at that commit.
    private static readonly string[] LibrarySymbols =
    [
        "HAS_ARRAY_EMPTY", "HAVE_ADO_NET", "HAVE_APPCONTEXT", "HAVE_APP_DOMAIN", "HAVE_ASYNC",
        "HAVE_ASYNC_DISPOSABLE", "HAVE_BIG_INTEGER", "HAVE_BINARY_EXCEPTION_SERIALIZATION",
        "HAVE_BINARY_FORMATTER", "HAVE_BINARY_SERIALIZATION", "HAVE_CHAR_TO_LOWER_WITH_CULTURE",
        "HAVE_CHAR_TO_STRING_WITH_CULTURE", "HAVE_COMPONENT_MODEL", "HAVE_COM_ATTRIBUTES",
        "HAVE_CONCURRENT_COLLECTIONS", "HAVE_CONCURRENT_DICTIONARY", "HAVE_COVARIANT_GENERICS",
        "HAVE_DATA_CONTRACTS", "HAVE_DATE_ONLY", "HAVE_DATE_TIME_OFFSET", "HAVE_DB_NULL_TYPE_CODE",
        "HAVE_DYNAMIC", "HAVE_DYNAMIC_CODE_COMPILED", "HAVE_EMPTY_TYPES", "HAVE_ENTITY_FRAMEWORK",
        "HAVE_EXPRESSIONS", "HAVE_FAST_REVERSE", "HAVE_FSHARP_TYPES", "HAVE_FULL_REFLECTION",
        "HAVE_GETHASHCODE_STRING_COMPARISON", "HAVE_GUID_TRY_PARSE", "HAVE_HASH_SET", "HAVE_ICLONEABLE",
        "HAVE_ICONVERTIBLE", "HAVE_IGNORE_DATA_MEMBER_ATTRIBUTE", "HAVE_INDEXOF_STRING_COMPARISON",
        "HAVE_INOTIFY_COLLECTION_CHANGED", "HAVE_INOTIFY_PROPERTY_CHANGING", "HAVE_ISET", "HAVE_LINQ",
        "HAVE_MEMORY_BARRIER", "HAVE_METHOD_IMPL_ATTRIBUTE", "HAVE_NON_SERIALIZED_ATTRIBUTE",
        "HAVE_NULLABLE_ATTRIBUTES", "HAVE_READ_ONLY_COLLECTIONS", "HAVE_REFLECTION_EMIT",
        "HAVE_REGEX_TIMEOUTS", "HAVE_REPLACE_STRING_COMPARISON", "HAVE_SECURITY_SAFE_CRITICAL_ATTRIBUTE",
        "HAVE_SERIALIZATION_BINDER_BIND_TO_NAME", "HAVE_STREAM_READER_WRITER_CLOSE",
        "HAVE_STRING_JOIN_WITH_ENUMERABLE", "HAVE_TIME_SPAN_PARSE_WITH_CULTURE",
        "HAVE_TIME_SPAN_TO_STRING_WITH_CULTURE", "HAVE_TIME_ZONE_INFO", "HAVE_TRACE_WRITER",
        "HAVE_TYPE_DESCRIPTOR", "HAVE_UNICODE_SURROGATE_DETECTION", "HAVE_VARIANT_TYPE_PARAMETERS",
        "HAVE_VERSION_TRY_PARSE", "HAVE_XLINQ", "HAVE_XML_DOCUMENT", "HAVE_XML_DOCUMENT_TYPE",
    ];

    // The test project's net8.0 DefineConstants without HAVE_BENCHMARKS: BenchmarkDotNet is not referenced here.
    private static readonly string[] TestSymbols = ["NET8_0", "NETSTANDARD2_0", "DNXCORE50", "PORTABLE", "HAVE_REGEX_TIMEOUTS"];

    /// <summary>The library and the tests, or null with <paramref name="error"/> saying what is missing where.</summary>
    public static (CorpusProject Library, CorpusProject Tests)? Read(string root, out string? error)
    {
        error = null;
        var library = Path.Combine(root, "Src", "Newtonsoft.Json");
        var tests = Path.Combine(root, "Src", "Newtonsoft.Json.Tests");
        foreach (var folder in new[] { library, tests })
        {
            if (!Directory.Exists(folder))
            {
                error = $"{folder} does not exist: the argument must be a checkout of {Repository} (commit {Commit[..12]}), the folder that holds Src/ (see docs/performance.md, \"Analyzers on real code\")";
                return null;
            }
        }

        return (
            CorpusProject.Read(library, "Newtonsoft.Json", LibrarySymbols, NullableContextOptions.Enable),
            CorpusProject.Read(tests, "Newtonsoft.Json.Tests", TestSymbols, NullableContextOptions.Disable));
    }
}
