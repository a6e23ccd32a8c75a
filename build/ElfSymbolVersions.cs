// Shared by the build (compiled by RoslynCodeTaskFactory into the WeakenVersionRequirement task, see
// Directory.Build.targets) and by ReferenceSolutions.Core (compiled with REFSOL_CORE, used by `refsol doctor`).
// Written for the task compiler's netstandard2.0 reference set: no spans, no newer BCL APIs.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace ReferenceSolutions.Build
{
    /// <summary>
    /// Reads and edits the GNU symbol-versioning sections of a little-endian ELF64 shared object:
    /// <c>.gnu.version_r</c> (SHT_GNU_verneed, the versions a library needs from others) and
    /// <c>.gnu.version_d</c> (SHT_GNU_verdef, the versions a library defines).
    /// </summary>
    public static class ElfSymbolVersions
    {
        /// <summary><c>VER_FLG_WEAK</c>: a missing version is a warning for the dynamic loader, not an error.</summary>
        public const ushort WeakFlag = 0x2;

        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;

        /// <summary>One <c>Vernaux</c> entry: a version name needed from a file, with its flags and their file offset.</summary>
        public sealed class VersionNeed
        {
            public VersionNeed(string file, string name, ushort flags, long flagsOffset)
            {
                File = file;
                Name = name;
                Flags = flags;
                FlagsOffset = flagsOffset;
            }

            public string File { get; }
            public string Name { get; }
            public ushort Flags { get; }
            public long FlagsOffset { get; }
            public bool IsWeak => (Flags & WeakFlag) != 0;
        }

        /// <summary>Every version the object needs, with the file offset of each entry's <c>vna_flags</c>.</summary>
        public static List<VersionNeed> ReadNeeds(string path)
        {
            byte[] elf = File.ReadAllBytes(path);
            Section section = FindSection(elf, path, ShtGnuVerneed, ".gnu.version_r");
            Section strings = SectionAt(elf, path, (int)section.Link);
            var needs = new List<VersionNeed>();
            long entry = section.Offset;
            for (uint n = 0; n < section.Info; n++)
            {
                Require(elf, path, entry, 16, "Verneed entry");
                ushort count = U16(elf, entry + 2);
                string file = ReadString(elf, path, strings, U32(elf, entry + 4));
                long aux = entry + U32(elf, entry + 8);
                for (int a = 0; a < count; a++)
                {
                    Require(elf, path, aux, 16, "Vernaux entry");
                    string name = ReadString(elf, path, strings, U32(elf, aux + 8));
                    needs.Add(new VersionNeed(file, name, U16(elf, aux + 4), aux + 4));
                    aux += U32(elf, aux + 12);
                }
                uint next = U32(elf, entry + 12);
                if (next == 0)
                {
                    break;
                }
                entry += next;
            }
            return needs;
        }

        /// <summary>Every version name the object defines (its <c>.gnu.version_d</c>), e.g. GLIBCXX_3.4.30.</summary>
        public static List<string> ReadDefinitions(string path)
        {
            byte[] elf = File.ReadAllBytes(path);
            Section section = FindSection(elf, path, ShtGnuVerdef, ".gnu.version_d");
            Section strings = SectionAt(elf, path, (int)section.Link);
            var names = new List<string>();
            long entry = section.Offset;
            for (uint n = 0; n < section.Info; n++)
            {
                Require(elf, path, entry, 20, "Verdef entry");
                ushort count = U16(elf, entry + 6);
                long aux = entry + U32(elf, entry + 12);
                for (int a = 0; a < count; a++)
                {
                    Require(elf, path, aux, 8, "Verdaux entry");
                    string name = ReadString(elf, path, strings, U32(elf, aux));
                    if (a == 0)
                    {
                        names.Add(name);
                    }
                    aux += U32(elf, aux + 4);
                }
                uint next = U32(elf, entry + 16);
                if (next == 0)
                {
                    break;
                }
                entry += next;
            }
            return names;
        }

        /// <summary>
        /// Sets VER_FLG_WEAK on the need for <paramref name="version"/>; writes a new file and renames it over the old
        /// one, so a hard link into a package cache is never modified in place. Returns false when there was nothing to change.
        /// </summary>
        public static bool MakeWeak(string path, string version)
        {
            VersionNeed? need = null;
            foreach (VersionNeed candidate in ReadNeeds(path))
            {
                if (candidate.Name == version)
                {
                    need = candidate;
                }
            }
            if (need == null || need.IsWeak)
            {
                return false;
            }
            byte[] elf = File.ReadAllBytes(path);
            ushort flags = (ushort)(need.Flags | WeakFlag);
            elf[need.FlagsOffset] = (byte)(flags & 0xff);
            elf[need.FlagsOffset + 1] = (byte)(flags >> 8);
            string temp = path + ".weak-" + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, elf);
            File.Delete(path);
            File.Move(temp, path);
            return true;
        }

        /// <summary>The highest GLIBCXX_x.y.z that <paramref name="libstdcxx"/> defines, or null when it defines none.</summary>
        public static Version? MaxGlibcxx(string libstdcxx)
        {
            Version? max = null;
            foreach (string name in ReadDefinitions(libstdcxx))
            {
                Version? parsed;
                if (name.StartsWith("GLIBCXX_", StringComparison.Ordinal) && Version.TryParse(name.Substring(8), out parsed))
                {
                    if (max == null || parsed > max)
                    {
                        max = parsed;
                    }
                }
            }
            return max;
        }

        /// <summary>The system's libstdc++.so.6, looked up in the usual library folders of Debian, Fedora and Alpine; null if none.</summary>
        public static string? FindSystemLibstdcxx()
        {
            string[] folders =
            {
                "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
                "/lib64", "/usr/lib64", "/lib", "/usr/lib",
            };
            foreach (string folder in folders)
            {
                string candidate = Path.Combine(folder, "libstdc++.so.6");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            return null;
        }

        private struct Section
        {
            public long Offset;
            public long Size;
            public uint Link;
            public uint Info;
        }

        private static Section FindSection(byte[] elf, string path, uint type, string name)
        {
            CheckHeader(elf, path);
            int count = U16(elf, 0x3c);
            for (int i = 0; i < count; i++)
            {
                Section section = SectionAt(elf, path, i, out uint sectionType);
                if (sectionType == type)
                {
                    return section;
                }
            }
            throw Layout(path, "no " + name + " section");
        }

        private static Section SectionAt(byte[] elf, string path, int index)
        {
            return SectionAt(elf, path, index, out _);
        }

        private static Section SectionAt(byte[] elf, string path, int index, out uint type)
        {
            long table = (long)U64(elf, 0x28);
            int entrySize = U16(elf, 0x3a);
            int count = U16(elf, 0x3c);
            if (entrySize != 64 || index < 0 || index >= count)
            {
                throw Layout(path, "section header " + index + " is out of range (" + count + " headers of " + entrySize + " bytes)");
            }
            long header = table + (long)index * entrySize;
            Require(elf, path, header, 64, "section header");
            type = U32(elf, header + 4);
            var section = new Section
            {
                Offset = (long)U64(elf, header + 0x18),
                Size = (long)U64(elf, header + 0x20),
                Link = U32(elf, header + 0x28),
                Info = U32(elf, header + 0x2c),
            };
            Require(elf, path, section.Offset, section.Size, "section " + index);
            return section;
        }

        private static void CheckHeader(byte[] elf, string path)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            {
                throw Layout(path, "not an ELF file");
            }
            if (elf[4] != 2 || elf[5] != 1)
            {
                throw Layout(path, "expected a 64-bit little-endian ELF (class " + elf[4] + ", data " + elf[5] + ")");
            }
        }

        private static string ReadString(byte[] elf, string path, Section strings, uint offset)
        {
            long start = strings.Offset + offset;
            long end = start;
            while (end < strings.Offset + strings.Size && elf[end] != 0)
            {
                end++;
            }
            if (offset >= strings.Size || end >= strings.Offset + strings.Size)
            {
                throw Layout(path, "string at offset " + offset + " runs past its string table");
            }
            return Encoding.ASCII.GetString(elf, (int)start, (int)(end - start));
        }

        private static void Require(byte[] elf, string path, long offset, long length, string what)
        {
            if (offset < 0 || length < 0 || offset + length > elf.Length)
            {
                throw Layout(path, what + " at offset " + offset + " runs past the end of the file");
            }
        }

        private static InvalidDataException Layout(string path, string what)
        {
            return new InvalidDataException(path + ": unexpected ELF layout: " + what);
        }

        private static ushort U16(byte[] b, long o)
        {
            return (ushort)(b[o] | b[o + 1] << 8);
        }

        private static uint U32(byte[] b, long o)
        {
            return (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);
        }

        private static ulong U64(byte[] b, long o)
        {
            return U32(b, o) | (ulong)U32(b, o + 4) << 32;
        }
    }

#if !REFSOL_CORE
    /// <summary>
    /// MSBuild task: in each given copy of a native library, marks the need for <see cref="Version"/> as weak when the
    /// system libstdc++ does not define it. Idempotent; fails the build on an unexpected ELF layout.
    /// </summary>
    public class WeakenVersionRequirement : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = new Microsoft.Build.Framework.ITaskItem[0];

        [Microsoft.Build.Framework.Required]
        public string Version { get; set; } = "";

        public override bool Execute()
        {
            string? libstdcxx = ElfSymbolVersions.FindSystemLibstdcxx();
            try
            {
                if (libstdcxx != null && ElfSymbolVersions.ReadDefinitions(libstdcxx).Contains(Version))
                {
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, libstdcxx + " defines " + Version + "; TorchSharp's native library is left as shipped.");
                    return true;
                }
                foreach (Microsoft.Build.Framework.ITaskItem item in Files)
                {
                    string path = item.ItemSpec;
                    bool changed = ElfSymbolVersions.MakeWeak(path, Version);
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal,
                        (changed ? "Marked " : "Already weak or not needed: ") + Version + " in " + path);
                }
                return true;
            }
            catch (Exception e) when (e is InvalidDataException || e is IOException || e is UnauthorizedAccessException)
            {
                Log.LogError("refsol: cannot weaken the " + Version + " requirement of TorchSharp's native library: " + e.Message
                    + " (see README, 'TorchSharp on Debian 12')");
                return false;
            }
        }
    }
#endif
}
