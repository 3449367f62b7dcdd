using System.Reflection;
using System.Reflection.Emit;

namespace RegressionProof.Gate.Inputs;

/// <summary>The operand each IL instruction carries, by opcode, from the runtime's own opcode table.</summary>
internal static class ILOperands
{
    // One-byte opcodes, and the two-byte ones (0xFE xx) by their second byte.
    private static readonly OperandType?[] OneByte = new OperandType?[256];
    private static readonly OperandType?[] TwoByte = new OperandType?[256];

    static ILOperands()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is OpCode code)
            {
                var value = (ushort)code.Value;
                if (code.Size == 1)
                {
                    OneByte[value & 0xFF] = code.OperandType;
                }
                else
                {
                    TwoByte[value & 0xFF] = code.OperandType;
                }
            }
        }
    }

    /// <summary>The operand of the opcode, or null for a byte that is no opcode.</summary>
    public static OperandType? Of(byte first, byte second, out bool twoBytes)
    {
        twoBytes = first == 0xFE;
        return twoBytes ? TwoByte[second] : OneByte[first];
    }

    /// <summary>How many bytes an operand takes (a switch's targets are counted by the caller).</summary>
    public static int Size(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    /// <summary>Whether the operand is a metadata token (or a user-string offset): numbered by the build, resolved to a name.</summary>
    public static bool IsToken(OperandType operand) => operand is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineSig
        or OperandType.InlineString or OperandType.InlineTok or OperandType.InlineType;
}
