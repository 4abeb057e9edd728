# traceback of an explicitly chained exception: "The above exception was the direct cause ..."
import asyncio

class ConfigError(Exception):
    pass

def read_port(settings):
    try:
        return int(settings["port"])
    except KeyError as e:
        raise ConfigError("port is not configured") from e

async def main():
    print("port:", read_port({"port": "8080"}))
    print("port:", read_port({}))

asyncio.run(main())
