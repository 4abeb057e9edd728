# An exception note whose __str__ adds a note or sets an attribute of the exception while the
# traceback is being written (no borrow of the notes or the attributes is held meanwhile).
import traceback
class Note:
    def __str__(self):
        err.__notes__.append('added while printing')
        err.seen = True
        return 'a note object'
class Quiet:
    def __str__(self):
        err.seen = 'quiet'
        return 'a quiet note'
err = ValueError('boom')
err.__notes__ = [Note(), 'plain note']
try:
    raise err
except ValueError as e:
    print(''.join(traceback.format_exception(e)).split('ValueError: ')[1], end='')
    print(len(e.__notes__), e.seen)
err = KeyError('uncaught')
err.__notes__ = ['first', Quiet()]
raise err
