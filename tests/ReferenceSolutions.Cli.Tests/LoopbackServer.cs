using System.Net;
using System.Net.Sockets;

namespace ReferenceSolutions.Cli.Tests;

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port that answers each path with a handler the test gives; anything else is a 404.
/// Disposal is one <see cref="HttpListener.Close"/>: on Unix (the managed listener) <c>Stop</c> followed by <c>Close</c>
/// releases the port and then binds it again to remove the listener a second time, which fails with "Address already
/// in use" when another test took the port in between. A start that loses the port to another test tries a new one.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private const int StartAttempts = 5;

    private readonly HttpListener _listener;
    private readonly Dictionary<string, Action<HttpListenerResponse>> _routes = [];
    private readonly Task _loop;
    private bool _disposed;

    public LoopbackServer()
    {
        for (int attempt = 1; ; attempt++)
        {
            BaseUrl = $"http://127.0.0.1:{FreePort()}";
            _listener = new HttpListener();
            _listener.Prefixes.Add($"{BaseUrl}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < StartAttempts)
            {
                _listener.Close();
            }
        }
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    /// <summary>Serves <paramref name="body"/> whole at <paramref name="path"/>; returns its URL.</summary>
    public string Serve(string path, byte[] body) => Route(path, response =>
    {
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body);
        response.Close();
    });

    /// <summary>Announces all of <paramref name="body"/> but sends only its first half, then drops the connection.</summary>
    public string ServeTruncated(string path, byte[] body) => Route(path, response =>
    {
        response.ContentLength64 = body.Length;
        response.OutputStream.Write(body.AsSpan(0, body.Length / 2));
        response.OutputStream.Flush();
        response.Abort();
    });

    /// <summary>Sends bytes without end (chunked, no length) until the client goes away.</summary>
    public string ServeEndless(string path) => Route(path, response =>
    {
        response.SendChunked = true;
        byte[] block = new byte[1 << 16];
        while (true)
        {
            response.OutputStream.Write(block);
        }
    });

    /// <summary>Announces <paramref name="length"/> bytes, then sends one byte every <paramref name="interval"/> until the client goes away.</summary>
    public string ServeSlowly(string path, long length, TimeSpan interval) => Route(path, response =>
    {
        response.ContentLength64 = length;
        for (long i = 0; i < length; i++)
        {
            response.OutputStream.Write([(byte)'0']);
            response.OutputStream.Flush();
            Thread.Sleep(interval);
        }
        response.Close();
    });

    /// <summary>Answers 302 with <paramref name="location"/>.</summary>
    public string Redirect(string path, string location) => Route(path, response =>
    {
        response.StatusCode = 302;
        response.RedirectLocation = location;
        response.Close();
    });

    /// <summary>The URL of <paramref name="path"/>, which answers 404.</summary>
    public string Missing(string path) => $"{BaseUrl}/{path}";

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private string Route(string path, Action<HttpListenerResponse> handler)
    {
        lock (_routes)
        {
            _routes[$"/{path}"] = handler;
        }
        return $"{BaseUrl}/{path}";
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Action<HttpListenerResponse>? handler;
            lock (_routes)
            {
                _routes.TryGetValue(context.Request.Url!.AbsolutePath, out handler);
            }
            if (handler is null)
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
                continue;
            }
            _ = Task.Run(() =>
            {
                try
                {
                    handler(context.Response);
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
                {
                }
            });
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
