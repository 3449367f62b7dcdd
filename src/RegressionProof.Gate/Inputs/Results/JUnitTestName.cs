using System;

namespace RegressionProof.Gate.Inputs;

/// <summary>How a JUnit XML testcase's <c>classname</c> and <c>name</c> make the name proofs are matched by.</summary>
internal static class JUnitTestName
{
    // JunitXml.TestLogger's class when it cannot split a test's name into class and method (a class
    // outside any namespace): the name then holds the whole name, after this prefix or its last part.
    private const string UnknownClass = "UnknownNamespace.UnknownType";

    /// <summary>
    /// <c>Namespace.Class.Method</c> from the testcase's class and name. Producers put the method in
    /// the name as it is ("Method(args)", JunitXml.TestLogger's default), after the class's last part
    /// ("Class.Method", its MethodFormat=Class) or after the whole class ("Ns.Class.Method", its
    /// MethodFormat=Full and xunit v3's default display names); the arguments are cut off first, so
    /// a dot in an argument never counts. Nested classes are written as the manifests write them,
    /// <c>Outer.Inner</c>, not <c>Outer+Inner</c>. A name the test's author chose instead (xunit's
    /// <c>DisplayName</c>, or its <c>methodDisplay</c> options) does not hold the method: such a result
    /// matches no proof, and the proof is reported as not run rather than matched by a guess.
    /// </summary>
    public static string Of(string className, string name)
    {
        var head = Before(name, '(').Trim();
        if (className.Length == 0 || className == UnknownClass)
        {
            if (className.Length > 0)
            {
                head = head.StartsWith(UnknownClass + ".", StringComparison.Ordinal) ? head[(UnknownClass.Length + 1)..]
                    : head.StartsWith("UnknownType.", StringComparison.Ordinal) ? head["UnknownType.".Length..]
                    : head;
            }

            return ClassAndMethod.Class(head);
        }

        var method = head;
        var simple = className[(className.LastIndexOf('.') + 1)..];
        if (head.StartsWith(className + ".", StringComparison.Ordinal))
        {
            method = head[(className.Length + 1)..];
        }
        else if (head.StartsWith(simple + ".", StringComparison.Ordinal))
        {
            method = head[(simple.Length + 1)..];
        }

        // A generic method's display shows its type arguments ("Method<Int32>"); the manifest has the name alone.
        return ClassAndMethod.Class(className) + "." + ClassAndMethod.Method(method);
    }

    private static string Before(string text, char stop)
    {
        var at = text.IndexOf(stop, StringComparison.Ordinal);
        return at < 0 ? text : text[..at];
    }
}
