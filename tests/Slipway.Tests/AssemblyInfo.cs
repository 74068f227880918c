using System.Runtime.Versioning;

// The tests create Unix file modes and symbolic links and drive a Linux Docker engine.
[assembly: SupportedOSPlatform("linux")]
